/**
 * The composition root: {@link io.chatterlink.app.ChatServer} wires every adapter by hand from a
 * validated {@link io.chatterlink.app.AppConfig}; {@link io.chatterlink.app.Main} is the {@code
 * chatterlink} command line. Nothing else in ChatterLink depends on this package.
 */
package io.chatterlink.app;
