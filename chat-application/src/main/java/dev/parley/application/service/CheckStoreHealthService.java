package dev.parley.application.service;

import dev.parley.application.port.in.CheckStoreHealthQuery;
import dev.parley.application.port.in.CheckStoreHealthUseCase;
import dev.parley.application.port.in.StoreHealth;
import dev.parley.application.port.out.StoreHealthPort;
import dev.parley.application.validation.CommandValidator;
import jakarta.inject.Inject;

/** Asks the store for a cheap round trip. */
public final class CheckStoreHealthService implements CheckStoreHealthUseCase {
  private final CommandValidator validator;
  private final StoreHealthPort store;

  @Inject
  CheckStoreHealthService(CommandValidator validator, StoreHealthPort store) {
    this.validator = validator;
    this.store = store;
  }

  @Override
  public StoreHealth checkStoreHealth(CheckStoreHealthQuery query) {
    validator.validate(query);
    return store.isAvailable() ? new StoreHealth.Available() : new StoreHealth.Unavailable();
  }
}
