package dev.parley.deploy.lambda;

import com.zaxxer.hikari.HikariDataSource;
import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaModule;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresStoreModule;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;

/**
 * The "Lambda on PostgreSQL" deployment: the handlers of adapter-lambda on the PostgreSQL store of
 * adapter-postgres, reached through RDS Proxy in AWS. Built once per execution environment by
 * {@link PostgresLambda}.
 */
@Singleton
@Component(modules = {CoreModule.class, PostgresStoreModule.class, LambdaModule.class})
public interface LambdaPostgresComponent extends LambdaRuntime {

  /** A component configured from the function's environment variables. */
  static LambdaPostgresComponent fromEnvironment() {
    return create(
        LambdaConfig.fromEnvironment(System.getenv()),
        JwtSettings.fromEnvironment(System.getenv()),
        PostgresConfig.fromEnvironment(System.getenv()));
  }

  static LambdaPostgresComponent create(
      LambdaConfig config, JwtSettings jwt, PostgresConfig postgres) {
    return DaggerLambdaPostgresComponent.factory()
        .create(config, jwt, ChatSettings.DEFAULTS, postgres);
  }

  /** The pool of this execution environment; lambda-local closes it on shutdown. */
  HikariDataSource dataSource();

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    LambdaPostgresComponent create(
        @BindsInstance LambdaConfig config,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings settings,
        @BindsInstance PostgresConfig postgres);
  }
}
