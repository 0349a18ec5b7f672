package dev.parley.testkit.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.testkit.contract.IdGeneratorPortContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SequentialIdGeneratorAdapterTest extends IdGeneratorPortContract {
  private final AtomicInteger nodes = new AtomicInteger();

  /** Each node gets its own prefix: the only way sequential ids stay unique across nodes. */
  @Override
  protected IdGeneratorPort newGenerator() {
    return new SequentialIdGeneratorAdapter("node" + nodes.incrementAndGet() + "-");
  }

  @Test
  void countsFromOneAfterTheDefaultPrefix() {
    SequentialIdGeneratorAdapter ids = new SequentialIdGeneratorAdapter();

    assertThat(ids.newId()).isEqualTo("id-1");
    assertThat(ids.newId()).isEqualTo("id-2");
    assertThat(ids.newId()).isEqualTo("id-3");
  }

  @Test
  void usesTheGivenPrefix() {
    assertThat(new SequentialIdGeneratorAdapter("msg-").newId()).isEqualTo("msg-1");
    assertThat(new SequentialIdGeneratorAdapter("").newId()).isEqualTo("1");
  }

  @Test
  void refusesPrefixesThatAreNotUrlSafe() {
    assertThatThrownBy(() -> new SequentialIdGeneratorAdapter("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SequentialIdGeneratorAdapter("a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
