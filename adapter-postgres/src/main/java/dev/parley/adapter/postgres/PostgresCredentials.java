package dev.parley.adapter.postgres;

/**
 * The role and password of one new physical connection.
 *
 * @param user the role, or null when the URL (or trust authentication) provides it
 * @param password the password (or an RDS IAM token), or null
 */
public record PostgresCredentials(String user, String password) {

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PostgresCredentials[user=" + user + "]";
  }
}
