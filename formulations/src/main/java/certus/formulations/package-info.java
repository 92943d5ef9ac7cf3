/**
 * Mixed-integer formulations of the sMTL problem (Big-M, perspective, outer approximation) and certificate
 * verification. Filled in by the exact-engine issue.
 */
package certus.formulations;
