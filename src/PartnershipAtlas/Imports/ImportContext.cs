using System.Data.Common;
using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Imports;

/// <summary>Everything a dataset importer needs to apply one file inside the run's transaction.</summary>
public sealed record ImportContext(
    SourceFile File,
    CsvRows Rows,
    DbConnection Connection,
    DbTransaction Transaction,
    long RunId,
    DateOnly ExtractDate,
    RejectionLog Rejections,
    RowCounts Counts);
