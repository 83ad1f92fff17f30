/**
 * Storage on SQLite or PostgreSQL with jOOQ and Flyway. {@link
 * io.chatterlink.persistence.JooqStorage} is the only entry point; the store adapters ({@code
 * JooqMessageStore} and the others) are package-private. The schema lives in {@code db/migration}
 * and the classes of {@code io.chatterlink.persistence.schema} are generated from it at build time.
 */
package io.chatterlink.persistence;
