using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoreStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoreStamp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreStamp", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StoreStamp",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoreStamp");
        }
    }
}
