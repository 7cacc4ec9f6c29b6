using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <summary>
/// Compiles a shape of the whole student list (an order and a page size) into an EF Core compiled query,
/// so the list's first page, which most visits open, skips building, translating and looking up its LINQ
/// query on every request. The shape is StudentQuery's own, applied to a placeholder whose root is then
/// swapped for the context's untracked students: the compiled query cannot drift from the ad hoc one.
/// </summary>
public static class CompiledFirstPage
{
    public static Func<RecordsDbContext, IAsyncEnumerable<Student>> Compile(Func<IQueryable<Student>, IQueryable<Student>> shape)
    {
        var placeholder = Array.Empty<Student>().AsQueryable();
        var db = Expression.Parameter(typeof(RecordsDbContext), "db");
        var students = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking),
            [typeof(Student)], Expression.Property(db, nameof(RecordsDbContext.Students)));
        var body = new RootSwap(placeholder.Expression, students).Visit(shape(placeholder).Expression)!;
        return EF.CompileAsyncQuery(Expression.Lambda<Func<RecordsDbContext, IQueryable<Student>>>(body, db));
    }

    private sealed class RootSwap(Expression placeholder, Expression root) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == placeholder ? root : base.Visit(node);
    }
}
