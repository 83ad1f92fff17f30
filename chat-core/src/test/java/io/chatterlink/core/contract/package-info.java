/**
 * Abstract contract tests for every outbound port, shipped in chat-core's test-jar ({@code
 * <type>test-jar</type>}, test scope; the consuming module needs only JUnit and AssertJ). Each
 * adapter extends the contracts of the ports it implements:
 *
 * <ul>
 *   <li>storage: {@link io.chatterlink.core.contract.UserStoreContract}, {@link
 *       io.chatterlink.core.contract.RoomStoreContract}, {@link
 *       io.chatterlink.core.contract.MessageStoreContract} (which inherits the message append and
 *       history rules), {@link io.chatterlink.core.contract.AttachmentStoreContract} and {@link
 *       io.chatterlink.core.contract.SessionStoreContract}, each implementing {@code newStorage()};
 *   <li>{@link io.chatterlink.core.contract.MessageCipherContract} ({@code newCipher()});
 *   <li>{@link io.chatterlink.core.contract.PasswordHasherContract} ({@code newHasher()});
 *   <li>{@link io.chatterlink.core.contract.DeliveryContract} ({@code newClients()}: the delivery
 *       and real connections opened through it, to assert who receives what);
 *   <li>{@link io.chatterlink.core.contract.ClusterBusContract} ({@code newNodes(count)}), with
 *       {@link io.chatterlink.core.contract.SignalCollector} to record what a node receives;
 *   <li>state the web adapter shares between server processes: {@link
 *       io.chatterlink.core.contract.LoginAttemptsContract}, {@link
 *       io.chatterlink.core.contract.RateWindowsContract} and {@link
 *       io.chatterlink.core.contract.SingleUseTokensContract} (a new store and {@code
 *       sameDatabaseAgain()}), and {@link io.chatterlink.core.contract.BlobStoreContract} ({@code
 *       newBlobStore()}, {@code sameStorageAgain()}).
 * </ul>
 *
 * <p>The in-memory adapters of {@code io.chatterlink.core.inmemory} pass all of them.
 */
package io.chatterlink.core.contract;
