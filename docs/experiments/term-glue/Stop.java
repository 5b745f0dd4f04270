/** Prints MLlib's English stop words, one a line (the words DocumentTerms leaves out). */
public class Stop { public static void main(String[] a){ for (String w: new org.apache.spark.ml.feature.StopWordsRemover().getStopWords()) System.out.println(w); } }
