/**
 * Not API: public only where a library instantiates a class by name or where generated code must be
 * public. Anything here may change or go in any release; it is left out of the Javadoc.
 */
package io.chatterlink.persistence.internal;
