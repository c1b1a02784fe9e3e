using System.Data.Common;

namespace PartnershipAtlas.Imports.Pipeline;

/// <summary>
/// Data computed from what several datasets hold (e.g. area memberships from establishments and the reference lists).
/// A dataset whose files change it lists it in <see cref="IDatasetImporter.Derivations"/>; the import runs it after the
/// rows, inside the same transaction, so the derived data commits (or not) with the file.
/// </summary>
public interface IImportDerivation
{
    Task DeriveAsync(DbConnection connection, DbTransaction transaction, long runId, CancellationToken cancellationToken);
}
