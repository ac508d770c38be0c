package dev.tusk.pool;

import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactory;
import java.util.List;
import java.util.Map;

/**
 * A pipeline of a lent connection: it and its cursors check that the loan still lasts before each
 * use, so statements queued during the loan are never sent on another borrower's connection.
 */
final class LentPipeline implements Pipeline {

  private final Loan loan;
  private final Pipeline pipeline;

  LentPipeline(Loan loan, Pipeline pipeline) {
    this.loan = loan;
    this.pipeline = pipeline;
  }

  private Pipeline live() {
    loan.check("a pipeline");
    return pipeline;
  }

  @Override
  public Cursor<Row> execute(String sql, Object... params) {
    return new LentCursor<>(loan, live().execute(sql, params));
  }

  @Override
  public Cursor<Row> execute(String sql, Map<String, ?> params) {
    return new LentCursor<>(loan, live().execute(sql, params));
  }

  @Override
  public Cursor<Row> execute(Query query, Object... params) {
    return new LentCursor<>(loan, live().execute(query, params));
  }

  @Override
  public Cursor<Row> cursor() {
    return new LentCursor<>(loan, live().cursor());
  }

  @Override
  public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
    return new LentCursor<>(loan, live().cursor(rowFactory));
  }

  @Override
  public List<PipelineResult> sync() {
    return live().sync();
  }

  @Override
  public List<PipelineResult> syncResults() {
    return live().syncResults();
  }

  /**
   * Sends what is queued while the loan lasts; after it, drops it unsent (the statements were the
   * borrower's, not the next one's).
   */
  @Override
  public void close() {
    if (loan.lasts()) {
      pipeline.close();
    }
  }
}
