namespace PartnershipAtlas.Imports;

/// <summary>What an import did with the rows it read.</summary>
public sealed class RowCounts
{
    public int Read { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
}
