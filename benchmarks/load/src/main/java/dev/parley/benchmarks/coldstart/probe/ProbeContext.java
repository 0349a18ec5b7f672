package dev.parley.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The invocation context Lambda passes with every event, as it looks for an API Gateway invocation
 * (no Cognito identity, no client context). The handlers read only the request id from it, and only
 * when the event has none; it is here so that they get what Lambda gives them.
 */
public record ProbeContext(String awsRequestId, String functionName, long deadlineMillis)
    implements Context {
  /** The template's {@code Timeout: 29}. */
  private static final int TIMEOUT_MILLIS = 29_000;

  /** The template's {@code MemorySize}. */
  private static final int MEMORY_MB = 1769;

  public static ProbeContext of(String requestId) {
    return new ProbeContext(
        requestId, "parley-coldstart-probe", System.currentTimeMillis() + TIMEOUT_MILLIS);
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "coldstart";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return MEMORY_MB;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.print(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
