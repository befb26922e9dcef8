<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FieldHint</name>
    <message>
        <location filename="../field_units.cpp" line="23"/>
        <source>calendar year</source>
        <translation>公历年份</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="23"/>
        <source>1901 to 2150</source>
        <translation>1901 至 2150</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="24"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="24"/>
        <source>within the project&apos;s life</source>
        <translation>在项目期限内</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="25"/>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="25"/>
        <source>whole number, 0 or more</source>
        <translation>整数，不小于 0</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="26"/>
        <source>ratio</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="26"/>
        <location filename="../field_units.cpp" line="27"/>
        <location filename="../field_units.cpp" line="37"/>
        <source>0 or more</source>
        <translation>不小于 0</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="27"/>
        <source>units per year</source>
        <translation>每年数量</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="31"/>
        <source>fraction per year (0.05 = 5%)</source>
        <translation>年比率（0.05 = 5%）</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="31"/>
        <source>above -1</source>
        <translation>大于 -1</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="33"/>
        <source>fraction (0.25 = 25%)</source>
        <translation>比例（0.25 = 25%）</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="33"/>
        <source>0 to 1</source>
        <translation>0 至 1</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="44"/>
        <source>Financing: %1</source>
        <translation>融资方案：%1</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="47"/>
        <location filename="../field_units.cpp" line="67"/>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="49"/>
        <source>Revenues and energy savings</source>
        <translation>收入与节能收益</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="50"/>
        <source>Rates and tax</source>
        <translation>折现率与税率</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="51"/>
        <location filename="../field_units.cpp" line="66"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="52"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="53"/>
        <source>Social outcomes</source>
        <translation>社会效益</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="54"/>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="55"/>
        <source>Plans</source>
        <translation>备选方案</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="56"/>
        <source>Case</source>
        <translation>案例</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::ChartsPanel</name>
    <message>
        <location filename="../charts_panel.cpp" line="30"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="31"/>
        <source>Export PNG...</source>
        <translation>导出 PNG...</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="32"/>
        <source>Export PDF...</source>
        <translation>导出 PDF...</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="88"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="88"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="90"/>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="97"/>
        <source>Cannot export the chart</source>
        <translation>无法导出图表</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::ComparisonModel</name>
    <message>
        <location filename="../results_models.cpp" line="54"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="54"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="67"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="68"/>
        <source>Structure</source>
        <translation>融资结构</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="69"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="70"/>
        <source>Feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="71"/>
        <source>City present cost</source>
        <translation>政府成本现值</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="72"/>
        <source>City peak outlay</source>
        <translation>政府年度最高支出</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="73"/>
        <source>Equity IRR</source>
        <translation>股权内部收益率</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="74"/>
        <source>Min DSCR</source>
        <translation>最低偿债覆盖率</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::FieldModel</name>
    <message>
        <location filename="../field_model.cpp" line="202"/>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="203"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="204"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="205"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="206"/>
        <source>Valid range</source>
        <translation>有效范围</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="101"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="116"/>
        <source>City</source>
        <translation>政府</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="117"/>
        <source>Investor</source>
        <translation>投资者</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="118"/>
        <source>Society</source>
        <translation>社会</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="120"/>
        <source>Perspective:</source>
        <translation>视角：</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="123"/>
        <location filename="../main_window.cpp" line="149"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="138"/>
        <source>Comparison</source>
        <translation>方案比较</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="147"/>
        <source>Structure:</source>
        <translation>融资结构：</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="154"/>
        <source>Parties and cash flows</source>
        <translation>各方现金流</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="158"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="164"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="165"/>
        <source>&amp;New from template...</source>
        <translation>从模板新建(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="166"/>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="167"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="169"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="170"/>
        <source>Save &amp;as...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="172"/>
        <source>&amp;Export report (workbook, charts, summary)...</source>
        <translation>导出报告（工作簿、图表、摘要）(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="174"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="176"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="177"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="179"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="190"/>
        <source>Cannot open the case</source>
        <translation>无法打开案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="200"/>
        <source>Open a case</source>
        <translation>打开案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="200"/>
        <location filename="../main_window.cpp" line="208"/>
        <location filename="../main_window.cpp" line="233"/>
        <source>Case files (*.json)</source>
        <translation>案例文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="207"/>
        <source>New case from a template</source>
        <translation>从模板新建案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="213"/>
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="223"/>
        <location filename="../main_window.cpp" line="238"/>
        <source>Cannot save the case</source>
        <translation>无法保存案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="233"/>
        <source>Save the case</source>
        <translation>保存案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="249"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="250"/>
        <source>The case has unsaved changes. Save them?</source>
        <translation>案例有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="272"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="281"/>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="282"/>
        <source>cityfin did not close cleanly last time. Restore the unsaved case &quot;%1&quot;?</source>
        <translation>cityfin 上次未正常关闭。是否恢复未保存的案例“%1”？</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="305"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="310"/>
        <source>untitled case</source>
        <translation>未命名案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="311"/>
        <source>%1[*] - cityfin</source>
        <translation>%1[*] - cityfin</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="319"/>
        <source>Not recomputed, the last good results stay on screen: %1</source>
        <translation>未重新计算，屏幕上保留上一次有效的结果：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="337"/>
        <source>Recomputing...</source>
        <translation>正在重新计算...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="345"/>
        <source>Results up to date</source>
        <translation>结果已更新</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="360"/>
        <source>No structure is feasible.</source>
        <translation>没有可行的融资结构。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="368"/>
        <source>Export the report into a folder</source>
        <translation>将报告导出到文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="374"/>
        <source>Report written: %1</source>
        <translation>报告已写入：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="376"/>
        <source>Cannot export the report</source>
        <translation>无法导出报告</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="383"/>
        <source>Table copied as tab-separated values</source>
        <translation>表格已按制表符分隔复制</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::PartiesModel</name>
    <message>
        <location filename="../results_models.cpp" line="17"/>
        <source>City</source>
        <translation>政府</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="18"/>
        <source>Private partner</source>
        <translation>社会资本方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="19"/>
        <source>Lenders</source>
        <translation>贷款方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="20"/>
        <source>Users</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="21"/>
        <source>Outside funders</source>
        <translation>外部出资方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="125"/>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="126"/>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="127"/>
        <source>NPV</source>
        <translation>净现值</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="128"/>
        <source>IRR</source>
        <translation>内部收益率</translation>
    </message>
</context>
</TS>
