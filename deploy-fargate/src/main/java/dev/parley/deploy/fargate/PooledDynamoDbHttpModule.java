package dev.parley.deploy.fargate;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The HTTP client under DynamoDB on a long-running Fargate node: Apache's pooled client, which
 * keeps up to {@link #MAX_CONNECTIONS} connections to DynamoDB open and reuses them. The
 * URL-connection client the store defaults to suits a Lambda cold start, but keeps only five idle
 * connections per host (the JDK's {@code http.maxConnections}), so a busy node with a virtual
 * thread per request would open a new TLS connection for most calls.
 */
@Module
final class PooledDynamoDbHttpModule {
  /** Far above what one task's requests hold at once: a call holds one for a few milliseconds. */
  static final int MAX_CONNECTIONS = 200;

  private PooledDynamoDbHttpModule() {}

  @Provides
  @Singleton
  static SdkHttpClient dynamoDbHttp() {
    return ApacheHttpClient.builder()
        .maxConnections(MAX_CONNECTIONS)
        .connectionTimeout(Duration.ofSeconds(2))
        // DynamoDB closes idle connections after a while; drop them first rather than fail on them.
        .connectionMaxIdleTime(Duration.ofSeconds(30))
        .tcpKeepAlive(true)
        .build();
  }
}
