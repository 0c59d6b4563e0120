package io.convosql.sandbox.insights;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The full-text analysis {@code match} uses: the document's "search engine style" search read as
 * ElasticSearch does by default, with its {@code standard} analyser: Lucene's StandardTokenizer
 * (Unicode word boundaries: {@code chatbot.com}, {@code don't}, {@code 4.5} are one word each, every
 * CJK ideograph is a word) and lower-casing, no stop words. A session's words are analysed once per
 * field, so a tokenizer per call costs little.
 */
final class TextWords {
  private TextWords() {}

  static Set<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    StandardTokenizer tokenizer = new StandardTokenizer();
    try (TokenStream stream = new LowerCaseFilter(tokenizer)) { // closing it closes the tokenizer
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      tokenizer.setReader(new StringReader(text));
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) { // a StringReader never throws
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
