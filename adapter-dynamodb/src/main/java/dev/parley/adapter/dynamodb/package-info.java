/**
 * Every storage port on one DynamoDB table, with the AWS SDK v2 low-level {@code DynamoDbClient}
 * (no bean schemas, no reflection). Keys are built in {@link dev.parley.adapter.dynamodb.Keys}
 * only; the layout and every access pattern are described in {@code docs/dynamodb-design.md}.
 *
 * <p>Sort keys compare by UTF-8 bytes in DynamoDB and ids compare by UTF-16 units in memory; the
 * two orders agree for ids without supplementary characters (surrogates are not valid in ids), so
 * member and room pages come back in the order the ports promise.
 */
package dev.parley.adapter.dynamodb;
