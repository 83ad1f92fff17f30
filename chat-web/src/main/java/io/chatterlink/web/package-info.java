/**
 * The HTTP side of ChatterLink on Undertow: accounts and sessions, the JSON API, uploads and
 * downloads of attachments, security headers and the browser UI. The public surface is {@link
 * io.chatterlink.web.ChatWeb}, {@link io.chatterlink.web.WebSettings} and {@link
 * io.chatterlink.web.RegistrationMode}; everything else is package-private.
 */
package io.chatterlink.web;
