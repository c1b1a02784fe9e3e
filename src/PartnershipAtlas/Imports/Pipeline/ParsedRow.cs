namespace PartnershipAtlas.Imports.Pipeline;

/// <summary>What a dataset's parser made of one row: a typed record, or why the row is rejected, or why it is left out on purpose.</summary>
public readonly record struct ParsedRow<TRow>(TRow? Row, string? Rejection, string? Ignored)
{
    public static implicit operator ParsedRow<TRow>(TRow row) => new(row, null, null);

    /// <summary>The row cannot be read: it is counted as rejected with its line and this reason.</summary>
    public static ParsedRow<TRow> Rejected(string reason) => new(default, reason, null);

    /// <summary>The row is read well but deliberately not applied (e.g. a children's centres group): counted under this reason.</summary>
    public static ParsedRow<TRow> Ignore(string reason) => new(default, null, reason);

    /// <summary>The record, or the reason the parser gave (a read that returns either).</summary>
    public static ParsedRow<TRow> From((TRow? Row, string? Error) read) => read.Row is null ? Rejected(read.Error!) : read.Row;
}
