package dev.parley.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs a task on many threads at once: every thread waits at a start gate until all are ready, so
 * the calls really overlap. A task that throws fails the test with its exception.
 */
final class Concurrently {
  /** Generous: only a deadlock or a hung store gets anywhere near it. */
  private static final long TIMEOUT_SECONDS = 120;

  private Concurrently() {}

  /** Runs {@code task} with indexes 0 to {@code threads - 1}; results in index order. */
  static <T> List<T> run(int threads, IntFunction<T> task) {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            executor.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return task.apply(index);
                }));
      }
      if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("threads did not start");
      }
      start.countDown();
      List<T> results = new ArrayList<>(threads);
      for (Future<T> future : futures) {
        results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent call failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("concurrent calls did not finish in time", e);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Runs {@code task} {@code times} on each of {@code threads}; all results, per thread in order.
   */
  static <T> List<T> repeat(int threads, int times, IntFunction<T> task) {
    List<List<T>> perThread =
        run(
            threads,
            thread -> {
              List<T> results = new ArrayList<>(times);
              for (int i = 0; i < times; i++) {
                results.add(task.apply(thread * times + i));
              }
              return results;
            });
    List<T> all = new ArrayList<>(threads * times);
    perThread.forEach(all::addAll);
    return all;
  }
}
