package dev.tessera.spark;

import org.apache.spark.sql.SparkSession;

/** The one local[2] session all tests of this module share (a session takes seconds to start). */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                .master("local[2]")
                .appName("tessera-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                // Tests run tiny queries once each: compiling generated code (Janino) costs more than it saves.
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                // No host name lookup: the driver and its executor threads talk over the loopback interface.
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
            TesseraFunctions.register(session);
            SparkSession stopping = session;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::stop, "spark-test-stop"));
        }
        return session;
    }
}
