/**
 * Every Java snippet of README.md as a runnable program. Read, not depended on: nothing is
 * exported. Spark is on the class path, as for {@code org.bertfit.spark}.
 */
module org.bertfit.examples {
  requires org.bertfit.spark;
  requires org.bertfit.training;
}
