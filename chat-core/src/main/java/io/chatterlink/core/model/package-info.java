/**
 * The domain's values: identifiers, users, rooms, memberships, messages and the limits that bound
 * them. Every type here is an immutable record or enum that validates itself when built, so an
 * instance that exists is a valid one.
 */
package io.chatterlink.core.model;
