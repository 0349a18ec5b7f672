/**
 * One deliberate violation (or more) of every rule. Each class says which rule it breaks; nothing
 * here is meant to be a good example.
 */
package dev.parley.archfixture.bad;
