package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.shared.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link IdGeneratorPort}: unique, URL-safe ids of at most 128 characters. */
public abstract class IdGeneratorPortContract {

  /**
   * A generator as a new node would have it. Called more than once in a test to stand for several
   * nodes, whose ids must not collide either.
   */
  protected abstract IdGeneratorPort newGenerator();

  @Test
  public void idsAreUsableAsRoomAndMessageIdsInUrlPaths() {
    IdGeneratorPort ids = newGenerator();

    for (int i = 0; i < 1_000; i++) {
      String id = ids.newId();
      assertThat(id).isNotNull().matches("[A-Za-z0-9._~-]{1,128}");
      assertThat(Identifiers.isValid(id)).as(id).isTrue();
      assertThat(RoomId.of(id).value()).isEqualTo(id);
      assertThat(MessageId.of(id).value()).isEqualTo(id);
    }
  }

  @Test
  public void successiveIdsNeverRepeat() {
    IdGeneratorPort ids = newGenerator();
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      seen.add(ids.newId());
    }

    assertThat(seen).hasSize(10_000);
  }

  @Test
  public void idsFromFiftyThreadsNeverRepeat() {
    IdGeneratorPort ids = newGenerator();

    List<String> generated = Concurrently.repeat(50, 200, i -> ids.newId());

    assertThat(new HashSet<>(generated)).hasSize(10_000);
  }

  @Test
  public void idsOfDifferentNodesNeverCollide() {
    List<IdGeneratorPort> nodes = List.of(newGenerator(), newGenerator(), newGenerator());
    List<String> generated = new ArrayList<>();

    for (int i = 0; i < 1_000; i++) {
      for (IdGeneratorPort node : nodes) {
        generated.add(node.newId());
      }
    }

    assertThat(new HashSet<>(generated)).hasSize(3_000);
  }
}
