package io.convosql.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.core.http.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Which pages {@link PrefetchPages} requests, and when: seen through a listing whose requests are
 * recorded and answered at once, the answers carrying the listing's total.
 */
class PrefetchPagesTest {
  /** A listing of {@code rows} rows in pages of 10, whose total can change after a given request. */
  private static final class Listing implements PageReader<Listing.Answer> {
    record Answer(int page, long total) {}

    final List<Integer> requested = new ArrayList<>();
    final List<CompletableFuture<Answer>> futures = new ArrayList<>();
    long rows;
    int read;
    int changeAfterRequest = -1;
    boolean holdLaterPages;
    long changedRows;

    Listing(long rows) {
      this.rows = rows;
    }

    @Override
    public CompletableFuture<Answer> request(int ahead) {
      int page = read + ahead;
      requested.add(page);
      if (requested.size() - 1 == changeAfterRequest) {
        rows = changedRows;
      }
      CompletableFuture<Answer> f = holdLaterPages && page > 0 ? new CompletableFuture<>()
          : CompletableFuture.completedFuture(new Answer(page, rows));
      futures.add(f);
      return f;
    }

    @Override
    public long total(Answer answer) {
      return answer.total();
    }

    @Override
    public Page read(Answer answer) {
      read++;
      long end = Math.min(answer.total(), (answer.page() + 1) * 10L);
      List<Object[]> out = new ArrayList<>();
      for (long i = answer.page() * 10L; i < end; i++) {
        out.add(new Object[] {i});
      }
      boolean more = end < answer.total();
      return new Page(out, more, more ? Page.following(answer.total(), end, 10) : -1);
    }
  }

  private static List<Long> drain(PrefetchPages pages) {
    List<Long> out = new ArrayList<>();
    pages.forEachRemaining(r -> out.add((Long) r[0]));
    return out;
  }

  @Test
  void withoutPrefetchEachPageIsRequestedWhenItsRowsAreNeeded() {
    Listing listing = new Listing(35);
    PrefetchPages pages = new PrefetchPages(Cancellation.NONE, listing, false, 8);
    assertThat(pages.next()[0]).isEqualTo(0L);
    assertThat(listing.requested).containsExactly(0);
    assertThat(drain(pages)).hasSize(34);
    assertThat(listing.requested).containsExactly(0, 1, 2, 3);
  }

  @Test
  void thePagesTheTotalPromisesAreRequestedUpToTheDepthAheadAndNoneBeyondTheEnd() {
    Listing listing = new Listing(95);
    PrefetchPages pages = new PrefetchPages(Cancellation.NONE, listing, true, 4);
    pages.start();
    assertThat(pages.next()[0]).isEqualTo(0L);
    // page 1 read: its total says 9 pages follow; 4 are requested at once
    assertThat(listing.requested).containsExactly(0, 1, 2, 3, 4);
    List<Long> rest = drain(pages);
    assertThat(rest).hasSize(94).startsWith(1L).endsWith(94L);
    assertThat(listing.requested).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aPageRequestedAheadWithAnotherTotalIsAskedForAgainAndTheRestIsChained() {
    Listing listing = new Listing(95);
    listing.changeAfterRequest = 2; // the third request and the later ones see 105 rows
    listing.changedRows = 105;
    PrefetchPages pages = new PrefetchPages(Cancellation.NONE, listing, true, 3);
    List<Long> rows = drain(pages);
    // page 1 shows 95 rows like page 0, pages 2 and 3 show 105; page 4 was requested ahead once page 1
    // was read. Page 2's total differs from page 1's, so pages 2-4 are dropped, page 2 is asked for
    // again, and from there on one page after the other
    assertThat(listing.requested).containsExactly(0, 1, 2, 3, 4, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(rows).hasSize(105).doesNotHaveDuplicates();
  }

  @Test
  void closingCancelsThePagesRequestedAhead() {
    Listing listing = new Listing(95);
    listing.holdLaterPages = true; // their answers never come
    PrefetchPages pages = new PrefetchPages(Cancellation.NONE, listing, true, 3);
    assertThat(pages.next()[0]).isEqualTo(0L);
    pages.close();
    assertThat(listing.requested).containsExactly(0, 1, 2, 3);
    assertThat(listing.futures.subList(1, 4)).allMatch(CompletableFuture::isCancelled);
    assertThat(pages.hasNext()).isFalse();
  }
}
