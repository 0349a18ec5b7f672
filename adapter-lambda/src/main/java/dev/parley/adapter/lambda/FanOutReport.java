package dev.parley.adapter.lambda;

/**
 * What the fan-out function answers for a batch: how many posts API Gateway accepted, how many
 * connections were gone (and removed from the registry), how many posts failed. Asynchronous
 * invocations discard it; a synchronous one (a test, a manual replay) reads it. A JavaBean, like
 * {@link FanOutBatch}, for the Lambda runtime's JSON binding.
 */
public final class FanOutReport {
  private int posted;
  private int gone;
  private int failed;

  /** For the Lambda runtime's JSON binding. */
  public FanOutReport() {}

  public FanOutReport(int posted, int gone, int failed) {
    this.posted = posted;
    this.gone = gone;
    this.failed = failed;
  }

  public int getPosted() {
    return posted;
  }

  public void setPosted(int posted) {
    this.posted = posted;
  }

  public int getGone() {
    return gone;
  }

  public void setGone(int gone) {
    this.gone = gone;
  }

  public int getFailed() {
    return failed;
  }

  public void setFailed(int failed) {
    this.failed = failed;
  }
}
