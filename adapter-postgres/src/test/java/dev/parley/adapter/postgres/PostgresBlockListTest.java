package dev.parley.adapter.postgres;

import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.testkit.contract.BlockListPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BlockListPortContract} against PostgreSQL. */
class PostgresBlockListTest extends BlockListPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private PostgresBlockListAdapter adapter;

  private PostgresBlockListAdapter adapter() {
    if (adapter == null) {
      adapter = new PostgresBlockListAdapter(DB.dataSource());
    }
    return adapter;
  }

  @Override
  protected BlockListPort blockList() {
    return adapter();
  }

  @Override
  protected BlockCheckPort blockCheck() {
    return adapter();
  }
}
