package dev.parley.deploy.lambda;

import com.zaxxer.hikari.HikariDataSource;
import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaModule;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresStoreModule;
import dev.parley.adapter.postgres.PostgresStorePurge;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.crac.Resource;

/**
 * The "Lambda on PostgreSQL" deployment: the handlers of adapter-lambda on the PostgreSQL store of
 * adapter-postgres, reached through RDS Proxy in AWS. Built once per execution environment by
 * {@link PostgresLambda}. It never migrates the schema (the migration function {@code
 * PostgresLambda$Migrate} does, as a deployment step), and its pool is emptied around a SnapStart
 * snapshot ({@link PostgresPoolEviction}).
 */
@Singleton
@Component(modules = {CoreModule.class, PostgresStoreModule.class, LambdaModule.class})
public interface LambdaPostgresComponent extends LambdaRuntime {

  /**
   * A component configured from the function's environment variables (see {@link
   * LambdaPostgresEnvironment}); reads the database secret, if there is one.
   */
  static LambdaPostgresComponent fromEnvironment() {
    Map<String, String> env = System.getenv();
    LambdaConfig lambda = LambdaConfig.fromEnvironment(env);
    return create(
        lambda,
        JwtSettings.fromEnvironment(env),
        LambdaPostgresEnvironment.read(env, lambda.credentials()));
  }

  /**
   * A component on {@code postgres}, whatever it says about migrations and idle connections: the
   * pool neither migrates nor keeps connections open while idle.
   */
  static LambdaPostgresComponent create(
      LambdaConfig config, JwtSettings jwt, PostgresConfig postgres) {
    return DaggerLambdaPostgresComponent.factory()
        .create(
            config, jwt, ChatSettings.DEFAULTS, LambdaPostgresEnvironment.forRequests(postgres));
  }

  /** The pool of this execution environment; lambda-local closes it on shutdown. */
  HikariDataSource dataSource();

  /** The purge of expired rows, which {@link PostgresLambda.Housekeeping} runs on a schedule. */
  PostgresStorePurge storePurge();

  /** The pool's eviction around a SnapStart snapshot. */
  @Override
  default List<Resource> snapshotResources() {
    return List.of(new PostgresPoolEviction(dataSource()));
  }

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
