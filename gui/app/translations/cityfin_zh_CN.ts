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
        <location filename="../charts_panel.cpp" line="101"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="101"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="103"/>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../charts_panel.cpp" line="110"/>
        <source>Cannot export the chart</source>
        <translation>无法导出图表</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::ComparisonModel</name>
    <message>
        <location filename="../results_models.cpp" line="63"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="63"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="78"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="79"/>
        <source>Structure</source>
        <translation>融资结构</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="80"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="81"/>
        <source>Feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="82"/>
        <source>City present cost</source>
        <translation>政府成本现值</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="83"/>
        <source>City peak outlay</source>
        <translation>政府年度最高支出</translation>
    </message>
    <message>
        <source>The city&apos;s payments under this PPP peak at %1 in %2: what the 10% PPP ceiling counts (net outlay: %3)</source>
        <translation>政府在本 PPP 项目下的年度支付最高为 %1（%2 年）：这是 10% 财政支出红线所计算的支出责任（净支出：%3）</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="84"/>
        <source>Equity IRR</source>
        <translation>股权内部收益率</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="85"/>
        <source>Min DSCR</source>
        <translation>最低偿债覆盖率</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="86"/>
        <source>Economic NPV</source>
        <translation>经济净现值</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="87"/>
        <source>SROI ratio</source>
        <translation>社会投资回报率</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::FieldModel</name>
    <message>
        <location filename="../field_model.cpp" line="203"/>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="204"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="205"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="206"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="207"/>
        <source>Valid range</source>
        <translation>有效范围</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="116"/>
        <source>Copy item</source>
        <translation>复制条目</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="117"/>
        <source>Remove item</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="118"/>
        <source>Add a copy of the list item (structure, revenue, grant, outcome, risk, plan...) the selected field belongs to</source>
        <translation>复制所选字段所属的列表条目（融资结构、收入、补助、社会效益、风险、方案等）</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="120"/>
        <source>Remove the list item the selected field belongs to</source>
        <translation>删除所选字段所属的列表条目</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="126"/>
        <location filename="../main_window.cpp" line="129"/>
        <source>Select a field of a list item first</source>
        <translation>请先选择某个列表条目中的字段</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="134"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="150"/>
        <source>City</source>
        <translation>政府</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="151"/>
        <source>Investor</source>
        <translation>投资者</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="152"/>
        <source>Society</source>
        <translation>社会</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="154"/>
        <source>Perspective:</source>
        <translation>视角：</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="157"/>
        <location filename="../main_window.cpp" line="183"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="172"/>
        <source>Comparison</source>
        <translation>方案比较</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="181"/>
        <source>Structure:</source>
        <translation>融资结构：</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="188"/>
        <source>Parties and cash flows</source>
        <translation>各方现金流</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="191"/>
        <source>Plan B</source>
        <translation>备选方案</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="197"/>
        <source>its Monte Carlo was cancelled</source>
        <translation>其蒙特卡洛模拟已取消</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="199"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="203"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="205"/>
        <source>Maturity</source>
        <translation>成熟度</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="211"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="212"/>
        <source>&amp;New from template...</source>
        <translation>从模板新建(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="213"/>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="214"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="216"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="217"/>
        <source>Save &amp;as...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="219"/>
        <source>&amp;Export report (workbook, charts, summary)...</source>
        <translation>导出报告（工作簿、图表、摘要）(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="221"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="223"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="224"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="226"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="237"/>
        <source>Cannot open the case</source>
        <translation>无法打开案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="247"/>
        <source>Open a case</source>
        <translation>打开案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="247"/>
        <location filename="../main_window.cpp" line="255"/>
        <location filename="../main_window.cpp" line="280"/>
        <source>Case files (*.json)</source>
        <translation>案例文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="254"/>
        <source>New case from a template</source>
        <translation>从模板新建案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="260"/>
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="270"/>
        <location filename="../main_window.cpp" line="285"/>
        <source>Cannot save the case</source>
        <translation>无法保存案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="280"/>
        <source>Save the case</source>
        <translation>保存案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="296"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="297"/>
        <source>The case has unsaved changes. Save them?</source>
        <translation>案例有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="319"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="328"/>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="329"/>
        <source>cityfin did not close cleanly last time. Restore the unsaved case &quot;%1&quot;?</source>
        <translation>cityfin 上次未正常关闭。是否恢复未保存的案例“%1”？</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="352"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="357"/>
        <source>untitled case</source>
        <translation>未命名案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="358"/>
        <source>%1[*] - cityfin</source>
        <translation>%1[*] - cityfin</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="366"/>
        <source>Not recomputed, the last good results stay on screen: %1</source>
        <translation>未重新计算，屏幕上保留上一次有效的结果：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="412"/>
        <source>Recomputing...</source>
        <translation>正在重新计算...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="421"/>
        <source>Results up to date</source>
        <translation>结果已更新</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="447"/>
        <source>No structure is feasible.</source>
        <translation>没有可行的融资结构。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="457"/>
        <source>Monte Carlo done</source>
        <translation>蒙特卡洛模拟完成</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="464"/>
        <source>Export the report into a folder</source>
        <translation>将报告导出到文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="441"/>
        <location filename="../main_window.cpp" line="481"/>
        <source>the Monte Carlo could not start</source>
        <translation>蒙特卡洛模拟无法启动</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="404"/>
        <source>Report not written: the case changed while its Monte Carlo ran.</source>
        <translation>报告未写入：蒙特卡洛模拟运行期间案例已被修改。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="484"/>
        <source>Running the Monte Carlo for the report...</source>
        <translation>正在为报告运行蒙特卡洛模拟……</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="501"/>
        <source>Report written: %1</source>
        <translation>报告已写入：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="504"/>
        <source>Cannot export the report</source>
        <translation>无法导出报告</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="513"/>
        <source>Report not written: %1</source>
        <translation>报告未写入：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="519"/>
        <source>Table copied as tab-separated values</source>
        <translation>表格已按制表符分隔复制</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::MaturityPanel</name>
    <message>
        <location filename="../maturity_panel.cpp" line="41"/>
        <source>en</source>
        <comment>language of the maturity framework&apos;s texts: en or zh</comment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="48"/>
        <source>Open answers...</source>
        <translation>打开答卷...</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="49"/>
        <source>Open a city&apos;s answers file (cases/maturity/template.json lists every question) to place it on the maturity ladder.</source>
        <translation>打开城市的答卷文件（cases/maturity/template.json 列出全部问题），以确定其在成熟度阶梯上的位置。</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="67"/>
        <source>Open a maturity answers file</source>
        <translation>打开成熟度答卷文件</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="69"/>
        <source>Answers (*.json)</source>
        <translation>答卷 (*.json)</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="80"/>
        <source>Cannot read the answers: %1</source>
        <translation>无法读取答卷：%1</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="83"/>
        <source>%1: %2 questions not answered.</source>
        <translation>%1：%2 个问题未回答。</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="101"/>
        <source>Characteristic</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="101"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="101"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="101"/>
        <source>Decided by</source>
        <translation>判定依据</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="102"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="102"/>
        <source>The case suggests</source>
        <translation>案例建议</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="112"/>
        <source>No warnings.</source>
        <translation>无警告。</translation>
    </message>
    <message>
        <location filename="../maturity_panel.cpp" line="112"/>
        <source>Warnings: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::PartiesModel</name>
    <message>
        <location filename="../results_models.cpp" line="19"/>
        <source>City</source>
        <translation>政府</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="20"/>
        <source>Private partner</source>
        <translation>社会资本方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="21"/>
        <source>Lenders</source>
        <translation>贷款方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="22"/>
        <source>Users</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="23"/>
        <source>Outside funders</source>
        <translation>外部出资方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="138"/>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="139"/>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="140"/>
        <source>NPV</source>
        <translation>净现值</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="141"/>
        <source>IRR</source>
        <translation>内部收益率</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::PlanPanel</name>
    <message>
        <location filename="../plan_panel.cpp" line="35"/>
        <source>Equity IRR at least the hurdle</source>
        <translation>股权内部收益率不低于门槛收益率</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="36"/>
        <source>Minimum DSCR at least the covenant</source>
        <translation>最低偿债覆盖率不低于贷款约定值</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="37"/>
        <source>Peak annual outlay within the budget cap</source>
        <translation>政府年度最高支出不超过预算上限</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="38"/>
        <source>PPP spending within 10% of the budget</source>
        <translation>PPP支出不超过一般公共预算的10%</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="43"/>
        <source>Other PPP spending within 5% of the budget (government-pay PPP)</source>
        <translation>其他PPP支出不超过一般公共预算的5%（政府付费项目）</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="39"/>
        <source>Funds secured cover the capital cost</source>
        <translation>已落实资金覆盖建设投资</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="40"/>
        <source>Cover, budget cap and PPP ceiling hold under risk with the confidence asked</source>
        <translation>在风险下偿债覆盖率、预算上限和PPP支出上限以要求的置信度成立</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="68"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="68"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="68"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="68"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="68"/>
        <source>Holds</source>
        <translation>是否满足</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="68"/>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="70"/>
        <source>No results.</source>
        <translation>没有结果。</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="71"/>
        <source>The plans cannot be evaluated: %1</source>
        <translation>无法评估方案：%1</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="80"/>
        <source>The case lists no plans: its structures are taken as plans in file order.</source>
        <translation>案例未列出方案：按文件顺序将各融资结构作为方案。</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="85"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../plan_panel.cpp" line="85"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::RiskPanel</name>
    <message>
        <location filename="../risk_panel.cpp" line="47"/>
        <source>Run Monte Carlo</source>
        <translation>运行蒙特卡洛模拟</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="53"/>
        <source>Run again after each edit</source>
        <translation>每次修改后重新运行</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="55"/>
        <source>Paths:</source>
        <translation>路径数：</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="57"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="64"/>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="74"/>
        <source>The risk sharing, allocation, distributions and tornadoes are in the Charts tab.</source>
        <translation>风险分担、风险分配、分布图和龙卷风图见“图表”页。</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="85"/>
        <location filename="../risk_panel.cpp" line="125"/>
        <source>The case has changed since this run: run it again.</source>
        <translation>本次运行后案例已修改：请重新运行。</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="94"/>
        <source>Cancelled: the figures below, if any, are of the last completed run.</source>
        <translation>已取消：下方数据（如有）为上一次完成的运行结果。</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="98"/>
        <source>The Monte Carlo could not run: %1</source>
        <translation>蒙特卡洛模拟无法运行：%1</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="106"/>
        <source>Running %1 scenarios...</source>
        <translation>正在运行 %1 个情景……</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="117"/>
        <source>The case has no risk register: add risks to run the Monte Carlo.</source>
        <translation>案例没有风险登记表：请添加风险后再运行蒙特卡洛模拟。</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="138"/>
        <source>%1 scenarios, seed %2; terms fixed at financial close. P(rules hold) is the share of scenarios in which the investors&apos; hurdle and the lenders&apos; covenant both hold, where they apply (hover for each); the Plan B tab tests each plan&apos;s own rules.</source>
        <translation>%1 个情景，随机种子 %2；合同条款在融资关闭时确定。P(规则满足) 为投资人的门槛收益率和贷款人的偿债覆盖率约定（适用时）同时满足的情景所占比例（鼠标悬停可见各项）；备选方案页按各方案自身的规则检验。</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="38"/>
        <source>No equity or debt rule applies to this structure.</source>
        <translation>该融资结构不适用股权收益或债务规则。</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="45"/>
        <source>Minimum DSCR at least %1x</source>
        <translation>最低偿债覆盖率不低于 %1x</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="46"/>
        <source>Equity IRR at least %1</source>
        <translation>股权内部收益率不低于 %1</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="47"/>
        <source>%1: %2 of the scenarios</source>
        <translation>%1：占情景的 %2</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="148"/>
        <source>Structure</source>
        <translation>融资结构</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="148"/>
        <source>P(rules hold)</source>
        <translation>P(规则满足)</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="148"/>
        <source>City cost P5</source>
        <translation>政府成本 P5</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="148"/>
        <source>City cost P50</source>
        <translation>政府成本 P50</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="149"/>
        <source>City cost P95</source>
        <translation>政府成本 P95</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="149"/>
        <source>Private NPV P50</source>
        <translation>社会资本净现值 P50</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="149"/>
        <source>Equity IRR P50</source>
        <translation>股权内部收益率 P50</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="150"/>
        <source>Min DSCR P5</source>
        <translation>最低偿债覆盖率 P5</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="150"/>
        <source>Guarantees, expected PV</source>
        <translation>担保支付期望现值</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="150"/>
        <source>Guarantees, P95 PV</source>
        <translation>担保支付 P95 现值</translation>
    </message>
    <message>
        <location filename="../risk_panel.cpp" line="151"/>
        <source>Value for money</source>
        <translation>物有所值</translation>
    </message>
</context>
</TS>
