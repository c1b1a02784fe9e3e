using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnershipCodeLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
