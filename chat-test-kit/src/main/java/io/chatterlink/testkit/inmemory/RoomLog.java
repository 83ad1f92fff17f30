package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One room's log: its entries by seq and its posts by seq. Not thread-safe: {@link
 * InMemoryMessageStore} holds its lock around every call, which is what keeps seqs gap-free.
 */
final class RoomLog {
  /**
   * An entry as stored: the message is referenced by id, because readers see it in its current
   * state, body included (the store keeps one copy of a body, the message's).
   */
  record Entry(long seq, EntryKind kind, MessageId messageId, Instant at) {}

  private final TreeMap<Long, Entry> entries = new TreeMap<>();
  private final TreeMap<Long, MessageId> posts = new TreeMap<>();
  private long lastSeq;

  /** Appends an entry under the next seq and returns that seq. */
  long append(EntryKind kind, MessageId message, Instant at) {
    long seq = ++lastSeq;
    entries.put(seq, new Entry(seq, kind, message, at));
    if (kind == EntryKind.POSTED) {
      posts.put(seq, message);
    }
    return seq;
  }

  long lastSeq() {
    return lastSeq;
  }

  /** The message posted under {@code seq}, if that entry is a post. */
  Optional<MessageId> post(long seq) {
    return Optional.ofNullable(posts.get(seq));
  }

  /** Entries after {@code afterSeq}, oldest first, at most {@code limit}. */
  List<Entry> entriesAfter(long afterSeq, int limit) {
    return first(entries.tailMap(afterSeq, false).values(), limit);
  }

  /** The posts after {@code afterSeq} by seq, oldest first. */
  NavigableMap<Long, MessageId> postSeqsAfter(long afterSeq) {
    return posts.tailMap(afterSeq, false);
  }

  /** Ids of the posts on the requested page, oldest first. */
  List<MessageId> page(PageRequest request) {
    switch (request.direction()) {
      case LATEST:
        return newest(posts, request.limit());
      case BEFORE:
        return newest(posts.headMap(request.anchorSeq(), false), request.limit());
      case AFTER:
        return first(posts.tailMap(request.anchorSeq(), false).values(), request.limit());
      default:
        throw new AssertionError(request.direction());
    }
  }

  /** Ids of the posts after {@code afterSeq}, oldest first. */
  Collection<MessageId> postsAfter(long afterSeq) {
    return posts.tailMap(afterSeq, false).values();
  }

  private static <T> List<T> newest(NavigableMap<Long, T> map, int limit) {
    List<T> newestFirst = first(map.descendingMap().values(), limit);
    List<T> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  private static <T> List<T> first(Collection<T> values, int limit) {
    List<T> found = new ArrayList<>(Math.min(limit, values.size()));
    for (T v : values) {
      if (found.size() == limit) {
        break;
      }
      found.add(v);
    }
    return found;
  }
}
