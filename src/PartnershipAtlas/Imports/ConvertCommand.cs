using PartnershipAtlas.Imports.Reference;

namespace PartnershipAtlas.Imports;

/// <summary>
/// <c>convert teaching-schools IN.xls OUT.csv</c>: writes NCTL's teaching schools workbook as the
/// <c>teaching-school-alliances</c> reference CSV (<see cref="TeachingSchoolsWorkbook"/>). Exits 1 with the file,
/// rows and reasons when the workbook is refused (nothing is written), 2 on a usage error.
/// </summary>
public static class ConvertCommand
{
    public const string Usage = "usage: convert teaching-schools IN.xls OUT.csv";

    public static async Task<int> RunAsync(IReadOnlyList<string> operands)
    {
        if (operands is not ["teaching-schools", var input, var output])
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        try
        {
            if (!File.Exists(input)) throw new FileNotFoundException($"File not found: {input}");
            var rows = TeachingSchoolsWorkbook.Read(input);
            await File.WriteAllTextAsync(output, TeachingSchoolsWorkbook.ToCsv(rows));
            Console.WriteLine($"wrote {output}: {rows.Count} teaching schools in {rows.Select(r => r.Cells[0]).Distinct().Count()} alliances");
            return 0;
        }
        catch (Exception e) when (e is ImportRefusedException or FileNotFoundException or IOException)
        {
            await Console.Error.WriteLineAsync($"convert: {e.Message}");
            return 1;
        }
    }
}
