package io.convosql.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.convosql.core.http.ApiException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.Test;

/**
 * Which requests pay off what a scan told the request budget it expects: only those the scan
 * announced. A request nobody expected (another scan's, a listing's first page, a page past the
 * total) counts in full, so the statement is refused as soon as the requests sent and those still
 * expected pass the limit, not only when the limit's worth were sent.
 */
class RequestBudgetAccountingTest {
  private static final String NARROWING = "Hint: filter on session_id";

  /** One execution's context, under a statement whose limit is {@code limit}. */
  private static DataContext execution(long limit) {
    AtomicBoolean flag = new AtomicBoolean();
    RequestBudget.limit(flag, limit);
    Map<String, Object> values = Map.of(DataContext.Variable.CANCEL_FLAG.camelName, flag);
    return new DataContext() {
      @Override
      public SchemaPlus getRootSchema() {
        return null;
      }

      @Override
      public JavaTypeFactory getTypeFactory() {
        return null;
      }

      @Override
      public QueryProvider getQueryProvider() {
        return null;
      }

      @Override
      public Object get(String name) {
        return values.get(name);
      }
    };
  }

  private static BoundScan scan(DataContext context) {
    return new BoundScan(List.of(), List.of(), 0, -1, new BitSet(), context, NARROWING, null, false);
  }

  @Test
  void anotherScansRequestPaysOffNothingTheListingExpects() {
    DataContext context = execution(5);
    BoundScan listing = scan(context);
    BoundScan other = scan(context);
    listing.beforeSend("PathSim", "GET", "/workspaces/w1/sessions"); // its first page
    listing.expect(4, "PathSim", "GET", "/workspaces/w1/sessions"); // its total: 4 details to come
    // 1 sent and 4 sure to follow: another request makes 6, more than 5 allow
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> other.beforeSend("PathSim", "GET", "/sessions/s9/recording"));
    assertThat(e).isNotNull();
    assertThat(e.sqlState()).isEqualTo("54000");
    assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least 6 requests, more than"
        + " maxRequestsPerStatement=5 allows; stopped after 1 request");
  }

  @Test
  void aPageNobodyAnnouncedPaysOffNothingOfTheScansOwnExpectations() {
    DataContext context = execution(5);
    BoundScan listing = scan(context);
    listing.beforeSend("PathSim", "GET", "/workspaces/w1/sessions");
    listing.expect(3, "PathSim", "GET", "/workspaces/w1/sessions");
    listing.beforeSend("PathSim", "GET", "/workspaces/w2/sessions"); // the next listing's first page: 5
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> listing.beforeSend("PathSim", "GET", "/workspaces/w3/sessions"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least 6 requests, more than"
        + " maxRequestsPerStatement=5 allows; stopped after 2 requests");
    // and a refusal on a later total comes from the true count
    DataContext again = execution(5);
    BoundScan scan = scan(again);
    scan.beforeSend("PathSim", "GET", "/workspaces/w1/sessions");
    scan.expect(2, "PathSim", "GET", "/workspaces/w1/sessions");
    scan.beforeSend("PathSim", "GET", "/workspaces/w2/sessions"); // 2 sent, 2 expected
    e = catchThrowableOfType(ApiException.class, () -> scan.expect(2, "PathSim", "GET", "/workspaces/w2/sessions"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least 6 requests, more than"
        + " maxRequestsPerStatement=5 allows; stopped after 2 requests");
  }

  @Test
  void theRequestsAScanAnnouncedPayOffItsExpectations() {
    DataContext context = execution(5);
    BoundScan listing = scan(context);
    listing.beforeSend("PathSim", "GET", "/workspaces/w1/sessions");
    listing.answered();
    listing.expect(4, "PathSim", "GET", "/workspaces/w1/sessions");
    assertThatCode(() -> {
      for (int i = 0; i < 4; i++) {
        listing.announced().beforeSend("PathSim", "GET", "/sessions/s" + i);
        listing.announced().answered();
      }
    }).doesNotThrowAnyException();
    // a sixth is one past the limit; all 5 sent were answered
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> listing.announced().beforeSend("PathSim", "GET", "/sessions/s5"));
    assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least 6 requests, more than"
        + " maxRequestsPerStatement=5 allows; stopped after 5 requests (GET /sessions/s5)");
  }

  @Test
  void theUnlimitedBudgetSharedByAllStatementsKeepsNoScan() throws InterruptedException {
    // maxRequestsPerStatement=0: a listing's later pages told to the one budget every unlimited
    // statement shares must not keep the scan (and its statement's context) for the JVM's life
    java.lang.ref.WeakReference<BoundScan> gone = expectAndDrop();
    for (int i = 0; i < 50 && gone.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(gone.get()).as("the scan, once its statement is done").isNull();
  }

  private static java.lang.ref.WeakReference<BoundScan> expectAndDrop() {
    BoundScan listing = scan(execution(0));
    listing.beforeSend("PathSim", "GET", "/workspaces/w1/sessions");
    listing.expect(3, "PathSim", "GET", "/workspaces/w1/sessions");
    return new java.lang.ref.WeakReference<>(listing);
  }
}
