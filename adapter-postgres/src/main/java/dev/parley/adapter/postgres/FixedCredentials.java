package dev.parley.adapter.postgres;

/** A password that never changes: a record, so that two configurations with it compare equal. */
record FixedCredentials(PostgresCredentials credentials) implements PostgresCredentialsSource {

  @Override
  public String toString() {
    return "fixed " + credentials;
  }
}
