namespace PartnershipAtlas.Imports;

/// <summary>Settings under <c>Atlas:Import</c>.</summary>
public sealed class ImportOptions
{
    /// <summary>Past this share of rejected rows the whole file is refused (default 1%).</summary>
    public double MaxRejectedFraction { get; set; } = 0.01;

    /// <summary>The exam year (summer, 2019 for 2018/19) of performance tables whose file name does not say it (<c>--year</c>).</summary>
    public int? Year { get; set; }
}
