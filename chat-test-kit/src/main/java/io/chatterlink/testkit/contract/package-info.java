/**
 * Abstract contract tests for every outbound port, in the test kit ({@code
 * io.chatterlink:chat-test-kit} in test scope, which brings JUnit Jupiter and AssertJ). Each
 * adapter extends the contracts of the ports it implements:
 *
 * <ul>
 *   <li>storage: {@link io.chatterlink.testkit.contract.UserStoreContract}, {@link
 *       io.chatterlink.testkit.contract.RoomStoreContract}, {@link
 *       io.chatterlink.testkit.contract.MessageStoreContract} (which inherits the message append
 *       and history rules), {@link io.chatterlink.testkit.contract.AttachmentStoreContract} and
 *       {@link io.chatterlink.testkit.contract.SessionStoreContract}, each implementing {@code
 *       newStorage()}, which returns a fresh {@link io.chatterlink.core.port.out.Storage};
 *   <li>{@link io.chatterlink.testkit.contract.MessageCipherContract} ({@code newCipher()});
 *   <li>{@link io.chatterlink.testkit.contract.PasswordHasherContract} ({@code newHasher()});
 *   <li>{@link io.chatterlink.testkit.contract.DeliveryContract} ({@code newClients()}: the
 *       delivery and real connections opened through it, to assert who receives what);
 *   <li>{@link io.chatterlink.testkit.contract.ClusterBusContract} ({@code newNodes(count)}), with
 *       {@link io.chatterlink.testkit.contract.SignalCollector} to record what a node receives;
 *   <li>state the web adapter shares between server processes: {@link
 *       io.chatterlink.testkit.contract.LoginAttemptsContract}, {@link
 *       io.chatterlink.testkit.contract.RateWindowsContract} and {@link
 *       io.chatterlink.testkit.contract.SingleUseTokensContract} (a new store and {@code
 *       sameDatabaseAgain()}), and {@link io.chatterlink.testkit.contract.BlobStoreContract}
 *       ({@code newBlobStore()}, {@code sameStorageAgain()}).
 * </ul>
 *
 * <p>The in-memory adapters of {@link io.chatterlink.testkit.inmemory} pass all of them.
 */
package io.chatterlink.testkit.contract;
