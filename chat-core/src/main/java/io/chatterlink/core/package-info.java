/**
 * ChatterLink's core: build a {@link io.chatterlink.core.ChatCore} from adapters for the ports in
 * {@link io.chatterlink.core.port.out} and call the use cases of {@link
 * io.chatterlink.core.port.in}.
 */
package io.chatterlink.core;
