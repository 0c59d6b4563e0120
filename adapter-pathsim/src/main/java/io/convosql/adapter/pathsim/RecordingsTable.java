package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.VARBINARY;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import io.convosql.core.plan.Column;
import java.util.List;
import okhttp3.HttpUrl;
import org.apache.calcite.avatica.util.ByteString;

/**
 * {@code pathsim.recordings}: each session's recording information; the file itself is downloaded
 * only when {@code content} is selected, following redirects without sending the API key to other hosts.
 */
final class RecordingsTable extends SessionChildTable {
  private static final int CONTENT = 3;

  RecordingsTable(PathSimApi api, boolean pushdown) {
    super(api, pushdown, "recordings", "Recordings of PathSim sessions; session_id = x or IN reads only those"
        + " sessions; content is downloaded only when selected", "/sessions/{id}/recording", List.of(
            new Column("session_id", VARCHAR, "Session the recording belongs to; = or IN reads only those sessions"),
            new Column("file_type", VARCHAR, "MIME type: audio/wav for voice, video/mp4 for web"),
            new Column("download_url", VARCHAR, "Where the file is downloaded from"),
            new Column("content", VARBINARY, "The recording file (downloaded only when selected)")));
  }

  /**
   * The file, when content is selected: downloaded only for a session whose information shows a
   * recording (a session without one answers 404), so never counted ahead for sessions unread.
   */
  @Override
  int requestsPerAnswerRow(java.util.BitSet usedColumns) {
    return usedColumns.get(CONTENT) ? 1 : 0;
  }

  @Override
  String answerRowCost() {
    return "1 per recording found (its file)";
  }

  /** A session has one recording at most, so a LIMIT of n reads n sessions at least. */
  @Override
  long sessionsNeeded(BoundScan scan) {
    return scan.readTo();
  }

  @Override
  List<Object[]> expand(String sessionId, BoundScan scan) {
    JsonNode info = api.recording(sessionId, scan.announced());
    if (info == null) {
      return List.of();
    }
    AnswerPlace at = PathSimValues.place("/sessions/" + sessionId + "/recording").in("data");
    JsonFields.requireObject(info, at, "the recording information");
    String url = PathSimValues.text(info, "download_url", at);
    ByteString content = null;
    if (scan.uses(CONTENT) && url != null) {
      if (HttpUrl.parse(url) == null) {
        throw at.bad("download_url", info.get("download_url"), "an http(s) URL");
      }
      scan.checkCancelled();
      content = new ByteString(api.download(sessionId, url, scan.announced()));
    }
    return List.<Object[]>of(new Object[] {
        sessionId, PathSimValues.text(info, "file_type", at), url, content});
  }
}
