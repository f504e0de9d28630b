"""What the developers use and learners never get: benchmarks and test helpers. Not part of the installed
package, the learner kit or the hub."""
