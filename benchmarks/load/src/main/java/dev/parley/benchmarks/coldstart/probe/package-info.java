/**
 * What runs inside the cold-start driver's child JVMs, with the Lambda deployment jar as the only
 * other thing on the classpath: {@link dev.parley.benchmarks.coldstart.probe.ColdStartProbe} (one
 * handler, one event), {@link dev.parley.benchmarks.coldstart.probe.SubsystemProbe} (one library's
 * first use) and {@link dev.parley.benchmarks.coldstart.probe.HelloWorld} (the baseline). They
 * report {@code System.nanoTime()} stamps on standard output ({@link
 * dev.parley.benchmarks.coldstart.probe.Stamps}). Nothing here may use a class the deployment jar
 * does not have.
 */
package dev.parley.benchmarks.coldstart.probe;
