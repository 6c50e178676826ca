/// The report's style sheet and its one small script, inlined so the file needs nothing else.
enum HTMLStyle {
    /// Colors: a blue/orange pair for pass/fail (told apart with any common color-vision deficiency), greys for
    /// what is neither, system fonts only.
    static let css = """
    :root{--pass:#2166ac;--pass-light:#92c5de;--fail:#e08214;--fail-dark:#b35806;--none:#b8b8b8;--ink:#222;--muted:#666;--rule:#ddd}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:1100px;padding:24px 20px 48px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
    h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.2em;margin:2em 0 .4em;border-bottom:1px solid var(--rule);padding-bottom:.2em}
    h3{font-size:1em;margin:1.4em 0 .3em}
    p.sub,p.note{color:var(--muted);margin:.2em 0 1em}
    .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:1.2em 0}
    .figures div{border:1px solid var(--rule);border-radius:6px;padding:10px 12px}
    .figures dt{color:var(--muted);font-size:.85em}.figures dd{margin:0;font-size:1.45em;font-weight:600;font-variant-numeric:tabular-nums}.figures small{font-size:.55em;font-weight:400;color:var(--muted)}
    .legend{display:flex;flex-wrap:wrap;gap:14px;margin:.3em 0;font-size:.85em;color:var(--muted)}
    .legend span::before{content:"";display:inline-block;width:11px;height:11px;margin-right:5px;vertical-align:-1px;background:var(--c)}
    svg.chart{width:100%;height:auto;display:block;margin:.2em 0 .6em}
    svg text{font-size:11px;fill:var(--muted)}svg .label{font-size:13px;fill:var(--ink)}
    svg .grid{stroke:#eee}svg .base{stroke:#999}
    .s-pass{fill:var(--pass)}.s-fail{fill:var(--fail)}.s-none{fill:var(--none)}.s-quarantine{fill:var(--fail)}
    .s-reject{fill:var(--fail-dark)}.s-disp-pass{fill:var(--pass)}.s-aligned{fill:var(--pass)}.s-unaligned{fill:var(--pass-light)}
    svg .line{fill:none;stroke:var(--pass);stroke-width:1.5}svg .point{fill:var(--pass)}
    .scroll{max-height:26em;overflow:auto;border:1px solid var(--rule);border-radius:4px;margin-bottom:1em}
    table.data{border-collapse:collapse;width:100%;font-size:.88em;font-variant-numeric:tabular-nums}
    table.data caption{text-align:left;padding:6px 8px;color:var(--muted);font-size:.95em}
    table.data th,table.data td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
    table.data th{position:sticky;top:0;background:#f6f6f6;font-weight:600;cursor:pointer;white-space:nowrap}
    table.data .num{text-align:right;white-space:nowrap}table.data .key{white-space:nowrap}
    .chart-wrap{overflow-x:auto}.chart-wrap svg.chart{min-width:560px}
    table.data td.more{color:var(--muted);font-style:italic}
    tr.act td:first-child{box-shadow:inset 4px 0 var(--fail)}tr.ok td:first-child{box-shadow:inset 4px 0 var(--pass)}
    input.filter{margin:0 0 6px;padding:4px 8px;font:inherit;font-size:.9em;width:min(320px,100%)}
    footer{margin-top:3em;color:var(--muted);font-size:.85em}
    @media (max-width:600px){body{padding:14px 10px;font-size:14px}.figures{grid-template-columns:repeat(3,1fr);gap:6px}
    .figures div{padding:6px 8px}.figures dd{font-size:1.1em}.figures small{display:block}}
    @media print{*{print-color-adjust:exact;-webkit-print-color-adjust:exact}body{max-width:none;padding:0}.scroll{max-height:none;overflow:visible;border:0}input.filter{display:none}
    section{break-inside:avoid-page}th{position:static}}
    """

    /// Sorting by a click on a column header, and a filter box over the tables marked for it. Nothing else:
    /// with scripts off, every number is still in the page.
    static let script = """
    (function(){
    function key(td){var v=td.getAttribute('data-value');return v===null?td.textContent.toLowerCase():(v===''?-1:parseFloat(v));}
    document.querySelectorAll('table.sortable').forEach(function(table){
      var body=table.tBodies[0];if(!body)return;
      table.querySelectorAll('th').forEach(function(th,i){
        th.title='Sort';th.addEventListener('click',function(){
          var down=th.getAttribute('aria-sort')!=='descending';
          table.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort');});
          th.setAttribute('aria-sort',down?'descending':'ascending');
          var rows=Array.prototype.slice.call(body.rows);
          rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);var c=x<y?-1:x>y?1:0;return down?-c:c;});
          rows.forEach(function(r){body.appendChild(r);});
        });
      });
      if(table.getAttribute('data-filter')){
        var input=document.createElement('input');input.type='search';input.className='filter';
        input.placeholder='Filter rows';input.setAttribute('aria-label','Filter the rows of '+table.id);
        input.addEventListener('input',function(){var q=input.value.toLowerCase();
          Array.prototype.forEach.call(body.rows,function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});
        table.parentNode.parentNode.insertBefore(input,table.parentNode);
      }
    });
    })();
    """
}
