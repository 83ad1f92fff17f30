/**
 * Storage on SQLite or PostgreSQL with jOOQ and Flyway. {@link
 * io.chatterlink.persistence.JooqStorage} is the only entry point; the store adapters ({@code
 * JooqMessageStore} and the others) are package-private. The schema lives in {@code db/migration}
 * and the classes of {@code io.chatterlink.persistence.internal.schema} are generated from it at
 * build time. That package and its sub-packages are internal, not API: they change with any
 * migration and have no Javadoc.
 */
package io.chatterlink.persistence;
