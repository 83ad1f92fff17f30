/**
 * What happened, for the people it concerns: the sealed {@link io.chatterlink.core.event.ChatEvent}
 * hierarchy that the core hands to the {@link io.chatterlink.core.port.out.Delivery} port together
 * with its recipients.
 */
package io.chatterlink.core.event;
