/**
 * The one unchecked exception hierarchy of ChatterLink: {@link
 * io.chatterlink.core.error.ChatException} and a subtype per {@link
 * io.chatterlink.core.error.ErrorCode}. It depends on nothing else, so every package may use it.
 */
package io.chatterlink.core.error;
