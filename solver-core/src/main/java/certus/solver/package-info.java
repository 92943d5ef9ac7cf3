/**
 * Solver-neutral MIP model, backend SPI and solve results. Filled in by the exact-engine issue;
 * deliberately knows nothing about regression.
 */
package certus.solver;
