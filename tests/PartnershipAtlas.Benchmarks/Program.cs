using PartnershipAtlas.Benchmarks;

// Benchmarks (speed is measured here, never in timed tests):
//   dotnet run -c Release --project tests/PartnershipAtlas.Benchmarks -- import [rows...]
//   ATLAS_TEST_POSTGRES="$(scripts/postgres start)" dotnet run -c Release --project tests/PartnershipAtlas.Benchmarks -- import --provider Postgres [rows...]
//   dotnet run -c Release --project tests/PartnershipAtlas.Benchmarks -- overlap [--scales 0.1,0.25,0.5,1] [--runs 5]
//   dotnet run -c Release --project tests/PartnershipAtlas.Benchmarks -- attainment [real | synthetic [SCHOOLS [TRUSTS]]]
return args.FirstOrDefault() switch
{
    "import" => await ImportBenchmark.RunAsync(args[1..]),
    "overlap" => await OverlapBenchmarkCommand.RunAsync(args[1..]),
    "attainment" => await AttainmentBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: import [--provider Postgres] [rows...] | overlap [--scales 0.1,0.25,0.5,1] [--runs 5] | attainment [real | synthetic [SCHOOLS [TRUSTS]]]");
    return 2;
}
