/**
 * A miniature Parley that follows every rule, including the cases the rules deliberately allow: JDK
 * annotations in the domain, sealed results in the ports, an abstract and an anonymous port
 * implementation, Dagger-style generated code, and a composition root that uses two adapters.
 */
package dev.parley.archfixture.good;
