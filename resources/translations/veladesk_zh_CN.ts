<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <location filename="../../app/cli.cpp" line="+277"/>
        <source>flag %1 needs a value</source>
        <translation>参数 %1 需要一个值</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>--output must be yaml, json or table, not &quot;%1&quot;</source>
        <translation>--output 必须是 yaml、json 或 table，而不是“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../app/cli_history.cpp" line="+79"/>
        <source>--dry-run accepts no value, &quot;server&quot; or &quot;true&quot;</source>
        <translation>--dry-run 只接受不带值、“server”或“true”</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--timeout: &quot;%1&quot; is longer than the maximum, 168h (a week)</source>
        <translation>--timeout：“%1”超过了上限 168h（一周）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--history-limit takes a number from 1 to 1000</source>
        <translation>--history-limit 需要 1 到 1000 之间的数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--kubevela must be auto, present or absent</source>
        <translation>--kubevela 必须是 auto、present 或 absent</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--scale-down-delay: &quot;%1&quot; is not a duration such as 5s</source>
        <translation>--scale-down-delay：“%1”不是有效的时长（例如 5s）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--routing must be virtualservice or httproute, not &quot;%1&quot;</source>
        <translation>--routing 必须是 virtualservice 或 httproute，而不是“%1”</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--fingerprint takes REVISION=TEXT, not &quot;%1&quot;</source>
        <translation>--fingerprint 的格式为 REVISION=TEXT，而不是“%1”</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 takes a positive number, not &quot;%2&quot;</source>
        <translation>%1 需要一个正数，而不是“%2”</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../app/cli_history.cpp" line="+20"/>
        <location filename="../../app/cli_logs.cpp" line="+149"/>
        <source>unknown flag %1</source>
        <translation>未知参数 %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>render: give the input files with -f FILE</source>
        <translation>render：请用 -f FILE 指定输入文件</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the plan is invalid:
  </source>
        <translation>计划无效：
  </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>render: no AppDeployment among the input files</source>
        <translation>render：输入文件中没有 AppDeployment</translation>
    </message>
    <message>
        <location line="+69"/>
        <location filename="../../app/cli_help.cpp" line="+575"/>
        <source>See &apos;veladesk --help&apos; for usage.
</source>
        <translation>用法请参阅 &apos;veladesk --help&apos;。
</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>
(see `veladesk help`)</source>
        <translation>
（参阅 `veladesk help`）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>usage: veladesk app apply -f APP.yaml</source>
        <translation>用法：veladesk app apply -f APP.yaml</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; did you mean &quot;%1&quot;?</source>
        <translation>；您是不是要用“%1”？</translation>
    </message>
    <message>
        <location filename="../../app/cli_cluster.cpp" line="+53"/>
        <source>%1: give the input file with -f FILE</source>
        <translation>%1：请用 -f FILE 指定输入文件</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: expected exactly one AppDeployment in the input, found %2 documents</source>
        <translation>%1：输入中应恰好有一个 AppDeployment，实际找到 %2 个文档</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1: app apply takes Applications, not %2</source>
        <translation>%1：app apply 只接受 Application，而不是 %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>usage: veladesk revisions APP</source>
        <translation>用法：veladesk revisions APP</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no revisions of application %1 in namespace %2</source>
        <translation>命名空间 %2 中没有应用 %1 的修订版本</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>apply of AppDeployment %1 failed: %2
%3</source>
        <translation>AppDeployment %1 的应用失败：%2
%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dry-run: every cluster accepted every object; nothing was changed
</source>
        <translation>试运行（dry-run）：所有集群都接受了所有对象；未做任何更改
</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the plan is invalid; nothing to compare</source>
        <translation>计划无效；没有可比较的内容</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>apply of AppDeployment %1 refused: %2</source>
        <translation>AppDeployment %1 的应用被拒绝：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>apply of AppDeployment %1 failed:
%2</source>
        <translation>AppDeployment %1 的应用失败：
%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dry-run: the server accepted every object; nothing was changed
</source>
        <translation>试运行（dry-run）：服务器接受了所有对象；未做任何更改
</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no revisions</source>
        <translation>没有修订版本</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>usage: veladesk %1 NAME</source>
        <translation>用法：veladesk %1 NAME</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>AppDeployment %1/%2 has no completed plan recorded (no apply by VelaDesk has completed): nothing to revert to</source>
        <translation>AppDeployment %1/%2 没有已完成计划的记录（VelaDesk 的应用操作从未完成过）：无可回退的计划</translation>
    </message>
    <message>
        <location filename="../../app/cli_help.cpp" line="-554"/>
        <source>Input file; repeatable</source>
        <translation>输入文件；可重复指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output format: yaml or json</source>
        <translation>输出格式：yaml 或 json</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validate, check ownership and run a server-side dry-run; change nothing</source>
        <translation>校验、检查所有权并在服务端试运行（dry-run）；不做任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not wait for ready replicas before routing traffic</source>
        <translation>路由流量前不等待副本就绪</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run every step even when the cluster already runs the plan (by default such an apply writes nothing and says &quot;unchanged&quot;)</source>
        <translation>即使集群已在运行此计划，也执行每个步骤（默认情况下，这样的 apply 不写入任何内容，并输出 &quot;unchanged&quot;）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take over objects of the same name owned by others</source>
        <translation>接管由他人拥有的同名对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long to wait for ready replicas and endpoints and to retry while the API server does not answer, e.g. 90s, 5m (default 5m)</source>
        <translation>等待副本和端点就绪、以及在 API 服务器无响应时重试的时长，例如 90s、5m（默认 5m）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route through an Istio VirtualService or a Gateway API HTTPRoute (default: the plan&apos;s veladesk.io/routing annotation, else what the AppDeployment routes with, else VirtualService when Istio&apos;s API is served)</source>
        <translation>通过 Istio VirtualService 或 Gateway API HTTPRoute 路由（默认：计划的 veladesk.io/routing 注解，否则为 AppDeployment 当前使用的路由方式，否则在提供 Istio API 时使用 VirtualService）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When routing changed, wait this long before pods go (scale-down, prune), so that gateways have taken the new routing (default 0s)</source>
        <translation>路由变更后，在移除 Pod（缩容、清理）之前等待的时长，以便网关已采用新的路由（默认 0s）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multi-cluster placement: the kubeconfig context of the cluster that placement[].clusterSelector.name calls NAME; repeatable (default: the context of the same name; the current context is the home cluster)</source>
        <translation>多集群放置：placement[].clusterSelector.name 称为 NAME 的集群所对应的 kubeconfig 上下文；可重复（默认：同名的上下文；当前上下文为主集群）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History entries kept (default: the AppDeployment&apos;s veladesk.io/history-limit annotation, else 20)</source>
        <translation>保留的历史记录条数（默认：AppDeployment 的 veladesk.io/history-limit 注解，否则为 20）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Render Application/AppDeployment files offline to the objects VelaDesk would apply</source>
        <translation>离线将 Application/AppDeployment 文件渲染为 VelaDesk 将要应用的对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renders the Deployments, Services and the Istio VirtualService of the AppDeployment plans among the input files, without a cluster. The plan is validated first (weights summing to 100, known revisions).</source>
        <translation>无需集群，渲染输入文件中 AppDeployment 计划对应的 Deployment、Service 和 Istio VirtualService。会先校验计划（权重之和为 100，修订版本已知）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source># The objects of a 20/80 canary plan
veladesk render -f app-v1.yaml -f app-v2.yaml -f plan.yaml
# The same as a v1 List in JSON
veladesk render -f app-v1.yaml -f app-v2.yaml -f plan.yaml -o json</source>
        <translation># 20/80 金丝雀计划的对象
veladesk render -f app-v1.yaml -f app-v2.yaml -f plan.yaml
# 同上，输出为 JSON 格式的 v1 List
veladesk render -f app-v1.yaml -f app-v2.yaml -f plan.yaml -o json</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Install the AppDeployment CRD where it is missing</source>
        <translation>在缺少 AppDeployment CRD 的集群中安装它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installs the AppDeployment CustomResourceDefinition (core.oam.dev/v1beta1) in the cluster of the current context unless it is there already.</source>
        <translation>在当前上下文的集群中安装 AppDeployment CustomResourceDefinition（core.oam.dev/v1beta1），已存在时不做任何操作。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apply an Application and record its ApplicationRevision</source>
        <translation>应用一个 Application 并记录其 ApplicationRevision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies a KubeVela Application. When KubeVela&apos;s controller does not run in the cluster, records its ApplicationRevision as KubeVela would.</source>
        <translation>应用一个 KubeVela Application。当集群中没有运行 KubeVela 控制器时，像 KubeVela 一样记录其 ApplicationRevision。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whether KubeVela&apos;s controller records revisions: auto, present or absent (default auto: detect a vela-core Deployment in vela-system)</source>
        <translation>KubeVela 控制器是否会记录修订版本：auto、present 或 absent（默认 auto：检测 vela-system 中是否有 vela-core Deployment）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>List the ApplicationRevisions of an Application</source>
        <translation>列出一个 Application 的 ApplicationRevision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the ApplicationRevisions of an Application, newest last.</source>
        <translation>列出一个 Application 的 ApplicationRevision，最新的在最后。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show live vs planned objects (after a server-side dry-run)</source>
        <translation>显示线上对象与计划对象的差异（经服务端试运行后）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compares the live objects with those the plan would apply, after a server-side dry-run. Exit status as kubectl diff: 0 no differences, 1 differences, 2 an error.</source>
        <translation>在服务端试运行（dry-run）后，比较线上对象与计划将要应用的对象。退出状态同 kubectl diff：0 无差异，1 有差异，2 出错。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply an AppDeployment plan in safe order (make before break)</source>
        <translation>按安全顺序应用 AppDeployment 计划（先建后拆）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies an AppDeployment plan step by step: new replicas become ready before any traffic reaches them, traffic leaves a revision before it shrinks. On a terminal each step is shown on a live line with its elapsed time; piped, one plain line per event. Only one apply per AppDeployment runs at a time.</source>
        <translation>逐步应用 AppDeployment 计划：新副本在任何流量到达之前就绪，流量在修订版本缩容之前移出。在终端上，每个步骤显示为一行实时进度及其耗时；输出到管道时，每个事件输出一行纯文本。每个 AppDeployment 同一时间只运行一个应用操作。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source># Shift 20% of the traffic to the new revision
veladesk apply -f plan.yaml
# Check it with the server first, changing nothing
veladesk apply -f plan.yaml --dry-run
# See every request
veladesk apply -f plan.yaml -v=6</source>
        <translation># 将 20% 的流量切换到新修订版本
veladesk apply -f plan.yaml
# 先让服务器检查，不做任何更改
veladesk apply -f plan.yaml --dry-run
# 查看每个请求
veladesk apply -f plan.yaml -v=6</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phase, conditions, per-revision replicas and weights of an AppDeployment</source>
        <translation>AppDeployment 的阶段、状况，以及各修订版本的副本数和权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows an AppDeployment&apos;s phase, conditions, per-revision replicas and weights, and an apply in progress (by whom, since when) or an interrupted one.</source>
        <translation>显示 AppDeployment 的阶段、状况、各修订版本的副本数和权重，以及正在进行的应用操作（由谁、从何时开始）或被中断的应用操作。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apply the AppDeployment&apos;s stored plan again (finish an interrupted apply)</source>
        <translation>再次应用 AppDeployment 中保存的计划（完成被中断的应用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies the plan stored in the AppDeployment object again, e.g. to finish an apply that was interrupted.</source>
        <translation>再次应用 AppDeployment 对象中保存的计划，例如用于完成被中断的应用操作。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply the last plan that was applied to completion again</source>
        <translation>再次应用上一次完整应用过的计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies the last plan of the AppDeployment that was applied to completion again.</source>
        <translation>再次应用该 AppDeployment 上一次完整应用过的计划。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The apply history of an AppDeployment (who, when, result, weights)</source>
        <translation>AppDeployment 的应用历史（操作者、时间、结果、权重）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lists the apply history of an AppDeployment, oldest first: every apply that reached the AppDeployment step is an apps/v1 ControllerRevision owned by it (the newest 20 are kept; the AppDeployment&apos;s veladesk.io/history-limit annotation or apply --history-limit change it). RESULT is Running, Succeeded, Failed or Interrupted (an apply that stopped without recording its end). --revision N prints the plan of entry N (-o yaml: the AppDeployment alone, ready for `veladesk apply -f`).</source>
        <translation>列出 AppDeployment 的应用历史，最早的在前：每个到达 AppDeployment 步骤的应用操作都是一个由它拥有的 apps/v1 ControllerRevision（保留最新的 20 条；可通过 AppDeployment 的 veladesk.io/history-limit 注解或 apply --history-limit 修改）。RESULT 为 Running、Succeeded、Failed 或 Interrupted（应用操作停止但未记录其结束）。--revision N 打印第 N 条记录的计划（-o yaml：仅输出 AppDeployment，可直接用于 `veladesk apply -f`）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One entry: its plan</source>
        <translation>单条记录：其计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output format: table, yaml or json</source>
        <translation>输出格式：table、yaml 或 json</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply plan N of the history again, in safe order</source>
        <translation>按安全顺序再次应用历史中的第 N 个计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies the plan of history entry N of an AppDeployment again through the normal safe apply (make before break, one apply at a time), after printing how it differs from the stored plan. The rollback is itself recorded as a new history entry (change cause &quot;rollback to N&quot;).</source>
        <translation>先打印与当前保存的计划有何不同，然后通过常规的安全应用流程（先建后拆，同一时间只有一个应用操作）再次应用 AppDeployment 历史记录 N 的计划。回滚本身也会记录为一条新的历史记录（变更原因为“rollback to N”）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The history revision to go back to (see veladesk history)</source>
        <translation>要回到的历史修订版本（参阅 veladesk history）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compare the split observed through a gateway with the configured weights</source>
        <translation>将通过网关观测到的流量分配与配置的权重进行比较</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends requests through a gateway with the route&apos;s Host header, attributes each answer to a revision (the x-veladesk-revision header, else --header, else --fingerprint) and compares each revision&apos;s observed share with its configured weight using a 95 % Wilson interval. Exit status 0 when every request was answered, attributed and the split matches, 1 otherwise.</source>
        <translation>使用路由的 Host 请求头通过网关发送请求，将每个响应归属到一个修订版本（依据 x-veladesk-revision 响应头，否则依据 --header，否则依据 --fingerprint），并用 95% Wilson 区间比较各修订版本的观测占比与配置权重。所有请求均得到响应、均已归属且分配一致时退出状态为 0，否则为 1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The gateway, e.g. http://127.0.0.1:18080/ (its path picks the http rule)</source>
        <translation>网关，例如 http://127.0.0.1:18080/（其路径决定匹配的 http 规则）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many requests (default 200)</source>
        <translation>请求数量（默认 200）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host header (default: the route&apos;s first host)</source>
        <translation>Host 请求头（默认：路由的第一个主机）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests in flight at most (default 8)</source>
        <translation>最多同时进行的请求数（默认 8）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per request (default 5s)</source>
        <translation>每个请求的超时（默认 5s）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attribute responses by this header when x-veladesk-revision is absent</source>
        <translation>没有 x-veladesk-revision 时，按此响应头归属响应</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attribute a response whose body contains TEXT to revision REV; repeatable</source>
        <translation>将响应体中包含 TEXT 的响应归属到修订版本 REV；可重复指定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The application&apos;s objects as a tree with their health</source>
        <translation>以树形显示应用的对象及其健康状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints the objects of an application as a tree (AppDeployment, Deployments, ReplicaSets, Pods, Services, EndpointSlices, routes, Gateways) with their health, computed as kubectl rollout status and Argo CD do; broken links (a route to a missing Service, a Service selecting no pod) are nodes of their own. Exit status 0 when nothing is unhealthy, 1 when something is Degraded, Missing or Unknown, 2 on an error.</source>
        <translation>以树形打印应用的对象（AppDeployment、Deployment、ReplicaSet、Pod、Service、EndpointSlice、路由、Gateway）及其健康状态，计算方式同 kubectl rollout status 和 Argo CD；断开的链接（指向不存在的 Service 的路由、选不到任何 Pod 的 Service）单独作为节点显示。没有不健康对象时退出状态为 0，有对象处于 Degraded、Missing 或 Unknown 时为 1，出错时为 2。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Container logs, as kubectl logs (a revision: all its pods)</source>
        <translation>容器日志，同 kubectl logs（修订版本：其所有 Pod）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The previous instance of the container</source>
        <translation>容器的上一个实例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep streaming new lines</source>
        <translation>持续输出新行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the last N lines</source>
        <translation>只显示最后 N 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only lines at or after TIME (RFC 3339)</source>
        <translation>只显示 TIME（RFC 3339）及之后的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefix each line with its timestamp</source>
        <translation>在每行前加上时间戳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefix each line with [pod/NAME/CONTAINER]</source>
        <translation>在每行前加上 [pod/NAME/CONTAINER]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deployment/NAME: every pod, not one</source>
        <translation>deployment/NAME：显示所有 Pod，而不是一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most streams followed at once</source>
        <translation>同时跟随的最大日志流数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events of one object, oldest first</source>
        <translation>一个对象的事件，最早的在前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep printing new and repeated events</source>
        <translation>持续打印新的和重复的事件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Client and server versions</source>
        <translation>客户端和服务器版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints the version of veladesk and the gitVersion of the API server (from /version). Without a reachable cluster the server&apos;s line says why, and the exit status is still 0, as kubectl version.</source>
        <translation>打印 veladesk 的版本和 API 服务器的 gitVersion（来自 /version）。无法访问集群时，服务器一行会说明原因，退出状态仍为 0，同 kubectl version。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the client version; no cluster needed</source>
        <translation>只显示客户端版本；不需要集群</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print a shell completion script</source>
        <translation>打印 shell 补全脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints a completion script for bash, zsh or fish: commands, their flags, flag values and the AppDeployment names of the cluster (asked with a short timeout).</source>
        <translation>打印 bash、zsh 或 fish 的补全脚本：补全命令、参数、参数值，以及集群中的 AppDeployment 名称（以较短的超时查询）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source># bash, this shell only
source &lt;(veladesk completion bash)
# bash, every shell
veladesk completion bash &gt; ~/.local/share/bash-completion/completions/veladesk
# zsh (a folder of your $fpath)
veladesk completion zsh &gt; &quot;${fpath[1]}/_veladesk&quot;
# fish
veladesk completion fish &gt; ~/.config/fish/completions/veladesk.fish</source>
        <translation># bash，仅当前 shell
source &lt;(veladesk completion bash)
# bash，所有 shell
veladesk completion bash &gt; ~/.local/share/bash-completion/completions/veladesk
# zsh（$fpath 中的一个目录）
veladesk completion zsh &gt; &quot;${fpath[1]}/_veladesk&quot;
# fish
veladesk completion fish &gt; ~/.config/fish/completions/veladesk.fish</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Help about any command</source>
        <translation>任意命令的帮助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints the overview, or the help of one command (as COMMAND --help).</source>
        <translation>打印概览，或某个命令的帮助（同 COMMAND --help）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Completion candidates (used by the scripts)</source>
        <translation>补全候选项（供补全脚本使用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints the candidates for the last word of a command line, one per line, then a line &quot;:N&quot; with the shell directive, as cobra&apos;s __complete does.</source>
        <translation>打印命令行最后一个词的候选项，每行一个，然后输出一行带 shell 指令的“:N”，同 cobra 的 __complete。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)</source>
        <translation>kubeconfig 文件（默认：$KUBECONFIG，其次 ~/.kube/config）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kubeconfig context (default: current-context)</source>
        <translation>kubeconfig 上下文（默认：current-context）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace (default: the context&apos;s, else &quot;default&quot;)</source>
        <translation>命名空间（默认：上下文中的命名空间，否则为“default”）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log level: 6 prints each request (method, URL, status, latency), 7 its headers, 8 the bodies (secrets redacted), 9 bodies uncut</source>
        <translation>日志级别：6 打印每个请求（方法、URL、状态、延迟），7 加上请求头，8 加上请求体（隐去机密），9 请求体不截断</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No colours (also when NO_COLOR is set)</source>
        <translation>不使用颜色（设置了 NO_COLOR 时同样如此）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help for the command</source>
        <translation>命令的帮助</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>veladesk - canary rollouts of KubeVela applications on Istio

Usage: veladesk COMMAND [flags]
       veladesk            (no command: the desktop application)

Commands:
</source>
        <translation>veladesk - 在 Istio 上对 KubeVela 应用进行金丝雀发布

用法：veladesk COMMAND [flags]
      veladesk            （不带命令：桌面应用程序）

命令：
</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>
Global flags (every command):
</source>
        <translation>
全局参数（适用于所有命令）：
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>
Run &apos;veladesk COMMAND --help&apos; (or &apos;veladesk help COMMAND&apos;) for a command&apos;s flags and examples.
Exit status: 0 on success, 1 when the operation failed or a flag is unknown, 2 on another
bad command line; diff, as kubectl diff: 0 no differences, 1 differences found, 2 an error.
</source>
        <translation>
运行 &apos;veladesk COMMAND --help&apos;（或 &apos;veladesk help COMMAND&apos;）查看命令的参数和示例。
退出状态：成功为 0，操作失败或参数未知为 1，其他错误的命令行为 2；
diff 同 kubectl diff：0 无差异，1 有差异，2 出错。
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Usage:
  veladesk %1
</source>
        <translation>用法：
  veladesk %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Flags:
</source>
        <translation>
参数：
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>
Global flags:
</source>
        <translation>
全局参数：
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Examples:
</source>
        <translation>
示例：
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>error: unknown command &quot;%1&quot; for &quot;veladesk&quot;
</source>
        <translation>error: “veladesk”没有命令“%1”
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Did you mean this?
	%1
</source>
        <translation>
您是不是要用：
	%1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &apos;veladesk help&apos; for the commands.
</source>
        <translation>运行 &apos;veladesk help&apos; 查看所有命令。
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>error: unknown flag: %1
</source>
        <translation>error: 未知参数：%1
</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Did you mean %1?
</source>
        <translation>您是不是要用 %1？
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See &apos;veladesk %1 --help&apos; for usage.
</source>
        <translation>用法请参阅 &apos;veladesk %1 --help&apos;。
</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>flag %1 needs a value (a log level, 0 to 9)</source>
        <translation>参数 %1 需要一个值（日志级别，0 到 9）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid argument &quot;%1&quot; for &quot;-v, --v&quot; flag: a log level is a number, 0 to 9</source>
        <translation>参数“-v, --v”的值“%1”无效：日志级别是 0 到 9 的数字</translation>
    </message>
    <message>
        <location filename="../../app/cli_history.cpp" line="-31"/>
        <source>%1 takes a history revision number (1, 2, ...), not &quot;%2&quot;</source>
        <translation>%1 需要一个历史修订版本号（1、2、……），而不是“%2”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>-o takes table, yaml or json, not &quot;%1&quot;</source>
        <translation>-o 必须是 table、yaml 或 json，而不是“%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--timeout: &quot;%1&quot; is not a duration such as 90s or 5m (at most 168h)</source>
        <translation>--timeout：“%1”不是有效的时长，例如 90s 或 5m（最多 168h）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--history-limit takes a number from 1 to %1</source>
        <translation>--history-limit 需要 1 到 %1 之间的数字</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>history of AppDeployment %1/%2: %3</source>
        <translation>AppDeployment %1/%2 的历史：%3</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>appdeployment/%1 (namespace %2): no history recorded (an apply by VelaDesk records one)
</source>
        <translation>appdeployment/%1（命名空间 %2）：没有历史记录（VelaDesk 每次应用都会记录一条）
</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rollback: give the history revision with --to N (see `veladesk history %1`)</source>
        <translation>rollback：请用 --to N 指定历史修订版本（参阅 `veladesk history %1`）</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>rollback: %1; nothing was changed</source>
        <translation>回滚：%1；未做任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rollback: history entry %1 holds AppDeployment %2, not %3; nothing was changed</source>
        <translation>rollback：历史记录 %1 保存的是 AppDeployment %2，而不是 %3；未做任何更改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rollback: AppDeployment %1/%2 to revision %3 (applied %4 by %5, %6): %7
</source>
        <translation>回滚：AppDeployment %1/%2 回到修订 %3（%4 由 %5 应用，%6）：%7
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>warning: the apply of revision %1 did not succeed (%2)</source>
        <translation>警告：修订 %1 的应用未成功（%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the stored plan equals revision %1: applying it again (corrects drift)
</source>
        <translation>保存的计划与修订版本 %1 相同：再次应用它（纠正漂移）
</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1: give one AppDeployment NAME (see `veladesk %1 --help`)</source>
        <translation>%1：请指定一个 AppDeployment 名称 NAME（参阅 `veladesk %1 --help`）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>history: recorded as revision %1
</source>
        <translation>历史：已记录为修订 %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning: history: %1</source>
        <translation>警告：历史：%1</translation>
    </message>
    <message>
        <location filename="../../app/cli_logs.cpp" line="-102"/>
        <source>Usage: veladesk logs POD|pod/NAME|deployment/NAME|revision/REV [flags]

Print the logs of a container (as kubectl logs does). deployment/NAME shows one of its pods
(a running, ready one first, then the oldest) unless --all-pods; revision/REV shows every pod
of that ApplicationRevision (label app.oam.dev/appRevision), each line prefixed with
[pod/NAME/CONTAINER]. A followed log that drops (API server restart, network) is resumed from
the last line&apos;s timestamp without repeating or losing lines.

Flags:
  -c, --container NAME     Container (default: kubectl.kubernetes.io/default-container, else
                           the first)
  -p, --previous           The previous instance of the container
  -f, --follow             Keep streaming new lines
  --tail N                 Only the last N lines (default -1: all)
  --since-time TIME        Only lines at or after TIME (RFC 3339)
  --timestamps             Prefix each line with its timestamp
  --prefix                 Prefix each line with [pod/NAME/CONTAINER] (on for several pods)
  --all-pods               deployment/NAME: every pod, not one
  --max-log-requests N     Most streams followed at once (default 5)
  --kubeconfig, --context, -n/--namespace as for every command
</source>
        <translation>用法：veladesk logs POD|pod/NAME|deployment/NAME|revision/REV [flags]

打印容器的日志（同 kubectl logs）。deployment/NAME 显示其中一个 Pod（优先运行中且就绪的，
其次最早的），除非指定 --all-pods；revision/REV 显示该 ApplicationRevision 的所有 Pod
（标签 app.oam.dev/appRevision），每行前加上 [pod/NAME/CONTAINER]。跟随中的日志断开时
（API 服务器重启、网络问题），会从最后一行的时间戳处恢复，既不重复也不丢失。

参数：
  -c, --container NAME     容器（默认：kubectl.kubernetes.io/default-container，否则为第一个）
  -p, --previous           容器的上一个实例
  -f, --follow             持续输出新行
  --tail N                 只显示最后 N 行（默认 -1：全部）
  --since-time TIME        只显示 TIME（RFC 3339）及之后的行
  --timestamps             在每行前加上时间戳
  --prefix                 在每行前加上 [pod/NAME/CONTAINER]（多个 Pod 时默认开启）
  --all-pods               deployment/NAME：显示所有 Pod，而不是一个
  --max-log-requests N     同时跟随的最大日志流数（默认 5）
  --kubeconfig、--context、-n/--namespace 与其他命令相同
</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Usage: veladesk events KIND/NAME [-w] [-o yaml|json]

List the events of one object, oldest first, including those from before now (core/v1
Events selected by involvedObject kind, name, namespace and uid), as kubectl events does.
KIND is a kind or resource name (pod, deployment, deploy, svc, rs, application,
applicationrevision, appdeployment, virtualservice, node, ...).

Flags:
  -w, --watch              Keep printing new and repeated events
  -o, --output yaml|json   The events as a v1 List
  --kubeconfig, --context, -n/--namespace as for every command
</source>
        <translation>用法：veladesk events KIND/NAME [-w] [-o yaml|json]

列出一个对象的事件，最早的在前，包括此前发生的事件（按 involvedObject 的 kind、name、
namespace 和 uid 选出的 core/v1 Event），同 kubectl events。
KIND 为类型或资源名称（pod、deployment、deploy、svc、rs、application、
applicationrevision、appdeployment、virtualservice、node 等）。

参数：
  -w, --watch              持续打印新的和重复的事件
  -o, --output yaml|json   以 v1 List 输出事件
  --kubeconfig、--context、-n/--namespace 与其他命令相同
</translation>
    </message>
    <message>
        <location filename="../../app/cli.cpp" line="-226"/>
        <source>flag %1 takes true or false, not &quot;%2&quot;</source>
        <translation>参数 %1 只接受 true 或 false，而不是“%2”</translation>
    </message>
    <message>
        <location filename="../../app/cli_logs.cpp" line="+51"/>
        <source>--tail takes a number of lines (-1: all), not &quot;%1&quot;</source>
        <translation>--tail 需要行数（-1：全部），而不是“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--since-time takes an RFC 3339 time such as 2024-05-01T10:00:00Z, not &quot;%1&quot;</source>
        <translation>--since-time 需要 RFC 3339 时间，例如 2024-05-01T10:00:00Z，而不是“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--max-log-requests takes a positive number, not &quot;%1&quot;</source>
        <translation>--max-log-requests 需要一个正数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>-o takes yaml or json, not &quot;%1&quot;</source>
        <translation>-o 必须是 yaml 或 json，而不是“%1”</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>
(see `veladesk logs --help`)</source>
        <translation>
（参阅 `veladesk logs --help`）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>logs: give one POD, deployment/NAME or revision/REV (see `veladesk logs --help`)</source>
        <translation>logs：请指定一个 POD、deployment/NAME 或 revision/REV（参阅 `veladesk logs --help`）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>you are attempting to follow %1 log streams, but the most allowed at once is %2; use --max-log-requests to raise it</source>
        <translation>您正在尝试跟随 %1 个日志流，但同时最多允许 %2 个；可用 --max-log-requests 提高上限</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Defaulted container &quot;%1&quot; out of: %2
</source>
        <translation>默认使用容器“%1”，可选：%2
</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: a line longer than %2 bytes was cut</source>
        <translation>%1：一行超过 %2 字节，已截断</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %2 lines were dropped: the output was slower than the log</source>
        <translation>%1：丢弃了 %2 行：输出速度跟不上日志</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>
(see `veladesk events --help`)</source>
        <translation>
（参阅 `veladesk events --help`）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>events: give one KIND/NAME, e.g. deployment/example-app-v1 (see `veladesk events --help`)</source>
        <translation>events：请指定一个 KIND/NAME，例如 deployment/example-app-v1（参阅 `veladesk events --help`）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>events: -w prints a table; it does not combine with -o</source>
        <translation>events：-w 打印表格；不能与 -o 同时使用</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>note: %1 %2 does not exist (any more); showing the events recorded for that name
</source>
        <translation>注意：%1 %2 不存在（或已被删除）；显示为该名称记录的事件
</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No events found for %1 %2 in namespace %3.
</source>
        <translation>命名空间 %3 中没有 %1 %2 的事件。
</translation>
    </message>
    <message>
        <location filename="../../app/cli_probe.cpp" line="+59"/>
        <source>usage: veladesk probe NAME --url URL [--requests N] [--host H] [--concurrency C] [--timeout T] [--header NAME] [--fingerprint REVISION=TEXT] [-o json|yaml|table]</source>
        <translation>用法：veladesk probe NAME --url URL [--requests N] [--host H] [--concurrency C] [--timeout T] [--header NAME] [--fingerprint REVISION=TEXT] [-o json|yaml|table]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>probe: give the gateway&apos;s URL with --url, e.g. --url http://127.0.0.1:18080/</source>
        <translation>probe：请用 --url 指定网关的 URL，例如 --url http://127.0.0.1:18080/</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>AppDeployment %1/%2 not found: nothing to compare the split with</source>
        <translation>找不到 AppDeployment %1/%2：没有可与流量分配比较的对象</translation>
    </message>
    <message>
        <location filename="../../app/cli_tree.cpp" line="+26"/>
        <source>usage: veladesk tree APP [-n NAMESPACE] [-o json|yaml]</source>
        <translation>用法：veladesk tree APP [-n NAMESPACE] [-o json|yaml]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>tree: application %1 not found in namespace %2 (no Application and no ApplicationRevision of that name)</source>
        <translation>tree：命名空间 %2 中找不到应用 %1（没有该名称的 Application，也没有该名称的 ApplicationRevision）</translation>
    </message>
    <message>
        <location filename="../../app/cli_version.cpp" line="+68"/>
        <source>version takes no arguments (see `veladesk version --help`)</source>
        <translation>version 不接受参数（参阅 `veladesk version --help`）</translation>
    </message>
    <message>
        <location filename="../../app/completion.cpp" line="+304"/>
        <source>completion: give one shell: bash, zsh or fish (see `veladesk completion --help`)</source>
        <translation>completion：请指定一个 shell：bash、zsh 或 fish（参阅 `veladesk completion --help`）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>completion: unsupported shell &quot;%1&quot;; bash, zsh or fish</source>
        <translation>completion：不支持的 shell“%1”；请用 bash、zsh 或 fish</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <location filename="../../app/gui.cpp" line="+96"/>
        <source>VelaDesk: canary rollouts for KubeVela applications on Istio</source>
        <translation>VelaDesk：在 Istio 上对 KubeVela 应用进行金丝雀发布</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Path to the kubeconfig file (no merging).</source>
        <translation>kubeconfig 文件的路径（不合并）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kubeconfig context to use.</source>
        <translation>要使用的 kubeconfig 上下文。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The namespace to open.</source>
        <translation>要打开的命名空间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select this application when it appears.</source>
        <translation>该应用出现时选中它。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/objectdetailspane.cpp" line="+70"/>
        <source>not reported yet</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, exit code %1</source>
        <translation>，退出码 %1</translation>
    </message>
    <message>
        <location filename="../../models/namespacestore.cpp" line="+141"/>
        <source>apply in progress by %1 since %2</source>
        <translation>%1 自 %2 起正在应用</translation>
    </message>
    <message>
        <location filename="../../models/rolloutplanmodel.cpp" line="+33"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>traffic</source>
        <translation>流量</translation>
    </message>
</context>
<context>
    <name>kube</name>
    <message>
        <location filename="../../kube/client.cpp" line="+165"/>
        <location line="+211"/>
        <source>request cancelled</source>
        <translation>请求已取消</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+390"/>
        <location line="+537"/>
        <source>client closed</source>
        <translation>客户端已关闭</translation>
    </message>
    <message>
        <location line="-838"/>
        <source>the answer of %1 to %2 %3 is larger than %4 MiB, the most VelaDesk reads in one response</source>
        <translation>%1 对 %2 %3 的响应大于 %4 MiB，超过了 VelaDesk 单次响应的读取上限</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>certificate-authority %1</source>
        <translation>certificate-authority %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the certificate-authority-data</source>
        <translation>certificate-authority-data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system trust store</source>
        <translation>系统信任库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS: the server certificate of %1 cannot be verified against %2 of cluster &quot;%3&quot; (%4). The connection was refused; VelaDesk never skips verification unless the kubeconfig sets insecure-skip-tls-verify.</source>
        <translation>TLS：无法用集群“%3”的 %2 验证 %1 的服务器证书（%4）。连接已被拒绝；除非 kubeconfig 设置了 insecure-skip-tls-verify，VelaDesk 从不跳过验证。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the client certificate or key of user &quot;%1&quot; cannot be used: %2</source>
        <translation>用户“%1”的客户端证书或密钥无法使用：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the certificate authority of cluster &quot;%1&quot; cannot be used: %2</source>
        <translation>集群“%1”的证书颁发机构（CA）无法使用：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot resolve the host of %1: %2</source>
        <translation>无法解析 %1 的主机名：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>request to %1 timed out: %2</source>
        <translation>对 %1 的请求超时：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>connection to %1 failed: %2</source>
        <translation>与 %1 的连接失败：%2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the API server %1 did not accept the %2 of user &quot;%3&quot;; it says: &quot;%4&quot;</source>
        <translation>API 服务器 %1 不接受用户“%3”的%2；服务器返回：“%4”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the API server is busy (too many requests), retry after %1 s; it says: &quot;%2&quot;</source>
        <translation>API 服务器繁忙（请求过多），请在 %1 秒后重试；服务器返回：“%2”</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>the API server sent a list that is not JSON: %1</source>
        <translation>API 服务器返回的列表不是 JSON：%1</translation>
    </message>
    <message>
        <location line="+429"/>
        <source>cannot apply an object without metadata.name</source>
        <translation>无法应用没有 metadata.name 的对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown resource for %1 %2</source>
        <translation>%1 %2 是未知资源</translation>
    </message>
    <message>
        <location filename="../../kube/credentials.cpp" line="+68"/>
        <source>contains a line break (CR or LF)</source>
        <translation>包含换行符（CR 或 LF）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains a control character (0x%1)</source>
        <translation>包含控制字符（0x%1）</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>credential from exec plugin %1</source>
        <translation>exec 插件 %1 提供的凭据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bearer token from %1</source>
        <translation>来自 %1 的持有者令牌（bearer token）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bearer token</source>
        <translation>持有者令牌（bearer token）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>basic authentication as %1</source>
        <translation>以 %1 身份进行的基本认证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no credentials (anonymous)</source>
        <translation>无凭据（匿名）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: user &quot;%2&quot;: tokenFile %3 does not exist</source>
        <translation>%1：用户“%2”：tokenFile %3 不存在</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: user &quot;%2&quot;: cannot read tokenFile %3: %4</source>
        <translation>%1：用户“%2”：无法读取 tokenFile %3：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: user &quot;%2&quot;: tokenFile %3 is larger than %4 bytes; it should hold one token</source>
        <translation>%1：用户“%2”：tokenFile %3 大于 %4 字节；它应只包含一个令牌</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: user &quot;%2&quot;: the token in tokenFile %3 %4; a token is one line of printable characters</source>
        <translation>%1：用户“%2”：tokenFile %3 中的令牌%4；令牌应是一行可打印字符</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: user &quot;%2&quot;: token %3; a token is one line of printable characters</source>
        <translation>%1：用户“%2”：令牌%3；令牌应是一行可打印字符</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1: user &quot;%2&quot;: exec plugin</source>
        <translation>%1：用户“%2”：exec 插件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2 needs an interactive terminal (interactiveMode: Always), which VelaDesk cannot give it</source>
        <translation>%1 %2 需要交互式终端（interactiveMode: Always），VelaDesk 无法提供</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: executable &quot;%2&quot; not found</source>
        <translation>%1：找不到可执行文件“%2”</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 %2 could not be started: %3</source>
        <translation>%1 %2 无法启动：%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 %2 printed more than %3 bytes on its standard output; an ExecCredential is far smaller</source>
        <translation>%1 %2 在标准输出上打印了超过 %3 字节；ExecCredential 远小于此</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2 did not finish within 120 s</source>
        <translation>%1 %2 未在 120 秒内结束</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 %2 failed (exit code %3): %4</source>
        <translation>%1 %2 失败（退出码 %3）：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 printed no ExecCredential JSON: %3</source>
        <translation>%1 %2 没有打印 ExecCredential JSON：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 printed kind &quot;%3&quot;, expected ExecCredential</source>
        <translation>%1 %2 打印的 kind 为“%3”，应为 ExecCredential</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 printed apiVersion &quot;%3&quot;, the kubeconfig asks for &quot;%4&quot;</source>
        <translation>%1 %2 打印的 apiVersion 为“%3”，而 kubeconfig 要求“%4”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2 returned a status.token that %3; a token is one line of printable characters</source>
        <translation>%1 %2 返回的 status.token %3；令牌应是一行可打印字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 returned neither status.token nor status.clientCertificateData</source>
        <translation>%1 %2 既未返回 status.token，也未返回 status.clientCertificateData</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 returned clientCertificateData and clientKeyData only together</source>
        <translation>%1 %2 返回的 clientCertificateData 和 clientKeyData 必须同时提供</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2 returned an unreadable expirationTimestamp &quot;%3&quot;</source>
        <translation>%1 %2 返回了无法解析的 expirationTimestamp“%3”</translation>
    </message>
    <message>
        <location filename="../../kube/kubeconfig.cpp" line="+52"/>
        <source>%1: %2 must be a string</source>
        <translation>%1：%2 必须是字符串</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 must be true or false, not &quot;%3&quot;</source>
        <translation>%1：%2 必须是 true 或 false，而不是“%3”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 is not valid base64</source>
        <translation>%1：%2 不是有效的 base64</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 must be a list</source>
        <translation>%1 必须是列表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must be a mapping with name and %2</source>
        <translation>%1 必须是包含 name 和 %2 的映射</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no name</source>
        <translation>%1 没有 name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: duplicate name &quot;%2&quot;</source>
        <translation>%1：名称“%2”重复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 &quot;%2&quot;: %3 must be a mapping</source>
        <translation>%1“%2”：%3 必须是映射</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1: exec must be a mapping</source>
        <translation>%1：exec 必须是映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: exec</source>
        <translation>%1: exec</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+3"/>
        <source>%1: args must be a list of strings</source>
        <translation>%1：args 必须是字符串列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>%1: env must be a list of {name, value}</source>
        <translation>%1：env 必须是 {name, value} 列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: env entry without a name</source>
        <translation>%1：env 条目缺少 name</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: %2: cannot read %3 %4: %5</source>
        <translation>%1：%2：无法读取 %3 %4：%5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2: %3 %4 is larger than %5 bytes, the most VelaDesk reads</source>
        <translation>%1：%2：%3 %4 大于 %5 字节，超过了 VelaDesk 的读取上限</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: larger than %2 bytes, the most VelaDesk reads of a kubeconfig</source>
        <translation>%1：大于 %2 字节，超过了 VelaDesk 读取 kubeconfig 的上限</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../kube/yamljson.cpp" line="+363"/>
        <source>%1:%2:%3: invalid YAML: %4</source>
        <translation>%1:%2:%3：无效的 YAML：%4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a kubeconfig (the top level must be a mapping)</source>
        <translation>不是 kubeconfig（顶层必须是映射）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a kubeconfig: kind is &quot;%1&quot;, expected Config</source>
        <translation>不是 kubeconfig：kind 为“%1”，应为 Config</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1: kubeconfig file does not exist</source>
        <translation>%1：kubeconfig 文件不存在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no configuration: %1 defines no context (set KUBECONFIG or pass --kubeconfig)</source>
        <translation>没有配置：%1 未定义任何上下文（请设置 KUBECONFIG 或传入 --kubeconfig）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: current-context is not set; choose one of %2 with --context</source>
        <translation>%1：未设置 current-context；请用 --context 从 %2 中选择一个</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: context &quot;%2&quot; not found</source>
        <translation>%1：找不到上下文“%2”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: cluster is missing</source>
        <translation>%1：%2：缺少 cluster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2: cluster &quot;%3&quot; not found in %4</source>
        <translation>%1：%2：在 %4 中找不到集群“%3”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2: user &quot;%3&quot; not found in %4</source>
        <translation>%1：%2：在 %4 中找不到用户“%3”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %2: server is missing</source>
        <translation>%1：%2：缺少 server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2: server &quot;%3&quot; is not an http(s) URL</source>
        <translation>%1：%2：server“%3”不是 http(s) URL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: certificate-authority and certificate-authority-data are both set; set only one</source>
        <translation>%1：%2：同时设置了 certificate-authority 和 certificate-authority-data；只能设置其一</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2: insecure-skip-tls-verify cannot be combined with a certificate authority</source>
        <translation>%1：%2：insecure-skip-tls-verify 不能与证书颁发机构（CA）同时使用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 sets insecure-skip-tls-verify: the identity of %2 is not verified, anyone on the network path can impersonate it</source>
        <translation>%1 设置了 insecure-skip-tls-verify：%2 的身份未经验证，网络路径上的任何人都可以冒充它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 uses plain http: credentials travel unencrypted</source>
        <translation>%1 使用明文 http：凭据以未加密方式传输</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2: %3 not supported by VelaDesk</source>
        <translation>%1：%2：VelaDesk 不支持 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2: client-certificate and client-certificate-data are both set; set only one</source>
        <translation>%1：%2：同时设置了 client-certificate 和 client-certificate-data；只能设置其一</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: client-key and client-key-data are both set; set only one</source>
        <translation>%1：%2：同时设置了 client-key 和 client-key-data；只能设置其一</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2: %3 is set without %4</source>
        <translation>%1：%2：设置了 %3 但没有设置 %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2: more than one authentication method (token and username/password); set only one</source>
        <translation>%1：%2：设置了多种认证方式（token 和 username/password）；只能设置其一</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: password is set without username</source>
        <translation>%1：%2：设置了 password 但没有设置 username</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2: tokenFile %3 does not exist or is not readable</source>
        <translation>%1：%2：tokenFile %3 不存在或不可读</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2: exec: command is missing</source>
        <translation>%1：%2：exec：缺少 command</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2: exec: apiVersion &quot;%3&quot; is not supported (use client.authentication.k8s.io/v1 or v1beta1)</source>
        <translation>%1：%2：exec：不支持 apiVersion“%3”（请使用 client.authentication.k8s.io/v1 或 v1beta1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2: exec: interactiveMode must be set for client.authentication.k8s.io/v1</source>
        <translation>%1：%2：exec：使用 client.authentication.k8s.io/v1 时必须设置 interactiveMode</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2: exec: interactiveMode &quot;%3&quot; is not one of Never, IfAvailable, Always</source>
        <translation>%1：%2：exec：interactiveMode“%3”不是 Never、IfAvailable、Always 之一</translation>
    </message>
    <message>
        <location filename="../../kube/names.cpp" line="+41"/>
        <source>invalid %1 &quot;%2&quot;: %3</source>
        <translation>无效的 %1“%2”：%3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 name</source>
        <translation>%1 名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a name may not be &apos;.&apos; or &apos;..&apos; and may not contain &apos;/&apos; or &apos;%&apos;</source>
        <translation>名称不能是“.”或“..”，也不能包含“/”或“%”</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>label key</source>
        <translation>标签键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a label key is an optional DNS subdomain prefix and &apos;/&apos;, then at most 63 of [A-Za-z0-9_.-], alphanumeric at both ends</source>
        <translation>标签键由可选的 DNS 子域前缀加“/”，再加最多 63 个 [A-Za-z0-9_.-] 字符组成，首尾必须是字母或数字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>value of label %1</source>
        <translation>标签 %1 的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a label value is empty or at most 63 of [A-Za-z0-9_.-], alphanumeric at both ends</source>
        <translation>标签值为空，或由最多 63 个 [A-Za-z0-9_.-] 字符组成，首尾必须是字母或数字</translation>
    </message>
    <message>
        <location filename="../../kube/podlogs.cpp" line="+167"/>
        <source>&quot;%1&quot; is not a valid %2 name (%3)</source>
        <translation>“%1”不是有效的 %2 名称（%3）</translation>
    </message>
    <message>
        <location line="+414"/>
        <source>the log stream ended and the pod could not be read: %1</source>
        <translation>日志流已结束，且无法读取该 Pod：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the server closed the log stream while the container still runs</source>
        <translation>容器仍在运行，但服务器关闭了日志流</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (resuming in %2 s)</source>
        <translation>%1（%2 秒后恢复）</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>%1 has no pods in namespace %2 (selector %3)</source>
        <translation>%1 在命名空间 %2 中没有 Pod（选择器 %3）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&quot;%1&quot;: a name is missing after the slash</source>
        <translation>“%1”：斜杠后缺少名称</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting and ending with a letter or digit, at most 63 characters</source>
        <translation>字母、数字、“-”、“_”和“.”，以字母或数字开头和结尾，最多 63 个字符</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 has no pod selector</source>
        <translation>%1 没有 Pod 选择器</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot show logs of &quot;%1&quot;: the kind &quot;%2&quot; is not one of pod, deployment, revision</source>
        <translation>无法显示“%1”的日志：类型“%2”不是 pod、deployment、revision 之一</translation>
    </message>
    <message>
        <location filename="../../kube/status.cpp" line="+31"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../../kube/watch.cpp" line="+397"/>
        <source>resourceVersion expired (410 Gone)</source>
        <translation>resourceVersion 已过期（410 Gone）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resourceVersion expired (410 Gone: %1)</source>
        <translation>resourceVersion 已过期（410 Gone：%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1; listing again</source>
        <translation>%1；重新列举</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the watch stream ended right away</source>
        <translation>watch 流一开始就结束了</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (retrying in %2 s)</source>
        <translation>%1（%2 秒后重试）</translation>
    </message>
    <message>
        <location filename="../../kube/watchdecoder.cpp" line="+24"/>
        <source>the API server sent a watch event that is not JSON (%1 at byte %2 of %3)</source>
        <translation>API 服务器发送的 watch 事件不是 JSON（%1，位于第 %2 字节，共 %3 字节）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the API server sent a watch event that is not a JSON object</source>
        <translation>API 服务器发送的 watch 事件不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the API server sent a watch event that has no object</source>
        <translation>API 服务器发送的 watch 事件没有 object</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the API server sent a watch event that has an unknown type &quot;%1&quot;</source>
        <translation>API 服务器发送的 watch 事件类型“%1”未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the API server sent a watch event that has no type</source>
        <translation>API 服务器发送的 watch 事件没有 type</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the API server sent a watch event longer than %1 bytes, the most VelaDesk reads</source>
        <translation>API 服务器发送的 watch 事件超过 %1 字节，超过了 VelaDesk 的读取上限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the API server sent a watch event of %1 bytes, more than the %2 VelaDesk reads</source>
        <translation>API 服务器发送的 watch 事件有 %1 字节，超过了 VelaDesk 读取的 %2 字节</translation>
    </message>
    <message>
        <location filename="../../kube/yamljson.cpp" line="-267"/>
        <source>the integer %1 does not fit in 64 bits, the most a Kubernetes API server keeps exactly; quote it to pass it as text</source>
        <translation>整数 %1 超出 64 位，而这是 Kubernetes API 服务器能精确保存的上限；如需按文本传递，请加引号</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the number %1 has more digits or a larger exponent than a 64-bit floating point number keeps, so it would not reach the cluster as written; quote it to pass it as text</source>
        <translation>数字 %1 的位数或指数超出了 64 位浮点数的表示范围，无法按原样写入集群；如需按文本传递，请加引号</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the alias *%1 refers to a node that contains it (a self-referencing alias); JSON cannot hold a cycle</source>
        <translation>别名 *%1 引用了包含它自身的节点（自引用别名）；JSON 无法表示循环</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>the alias *%1 expands this document beyond %2 nodes and characters, the limit for %3 bytes of YAML (an alias bomb?)</source>
        <translation>别名 *%1 使文档展开后超过 %2 个节点和字符，这是 %3 字节 YAML 的上限（别名炸弹？）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the document is larger than %1 nodes and characters, the limit for %2 bytes of YAML</source>
        <translation>文档超过 %1 个节点和字符，这是 %2 字节 YAML 的上限</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>a mapping key must be a scalar, not a %1</source>
        <translation>映射的键必须是标量，而不是 %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1: more than %2 bytes of YAML, the most VelaDesk reads from one input</source>
        <translation>%1：YAML 超过 %2 字节，超过了 VelaDesk 单个输入的读取上限</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>more than %1 documents</source>
        <translation>文档超过 %1 个</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1:%2:%3: document %4 is not a mapping (a Kubernetes object)</source>
        <translation>%1:%2:%3：第 %4 个文档不是映射（Kubernetes 对象）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>kube::rollout</name>
    <message>
        <location filename="../../kube/rollout/render.cpp" line="+253"/>
        <source>&quot;%1&quot; is not a valid name: at most 63 lower case alphanumeric characters, &apos;-&apos; or &apos;.&apos;, alphanumeric at both ends (it labels every object VelaDesk writes)</source>
        <translation>“%1”不是有效的名称：最多 63 个小写字母数字字符、“-”或“.”，首尾必须是字母或数字（它会作为标签写入 VelaDesk 创建的每个对象）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>revision %1 is listed more than once</source>
        <translation>修订版本 %1 被列出了多次</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be &gt;= 0, is %1</source>
        <translation>必须 &gt;= 0，当前为 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the placements sum to %1 replicas, more than a Deployment can have (%2)</source>
        <translation>各 placement 的副本数之和为 %1，超过了一个 Deployment 的上限（%2）</translation>
    </message>
    <message>
        <source>placement in another cluster (%1) is not supported; VelaDesk deploys to the connected cluster only</source>
        <translation type="vanished">不支持部署到其他集群（%1）；VelaDesk 只部署到当前连接的集群</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>selecting clusters by labels is not supported; name the cluster (clusterSelector.name)</source>
        <translation>不支持按标签选择集群；请指定集群名称（clusterSelector.name）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a valid cluster name</source>
        <translation>“%1”不是有效的集群名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+120"/>
        <source>ApplicationRevision %1 does not exist</source>
        <translation>ApplicationRevision %1 不存在</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>revision %1 has no components</source>
        <translation>修订版本 %1 没有组件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>revision %1, component %2: %3</source>
        <translation>修订版本 %1，组件 %2：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>revision %1, component %2: the Deployment name %3 or its labels would be invalid (lower case alphanumeric characters, &apos;-&apos; or &apos;.&apos;; labels at most 63 characters)</source>
        <translation>修订版本 %1，组件 %2：Deployment 名称 %3 或其标签将无效（只能包含小写字母数字字符、“-”或“.”；标签最多 63 个字符）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deployment name %1 collides with the one of %2: revision names must differ in their last dash-separated token</source>
        <translation>Deployment 名称 %1 与 %2 的名称冲突：修订版本名称以“-”分隔的最后一段必须不同</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>at least one host is required when traffic is set</source>
        <translation>设置了 traffic 时至少需要一个主机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>empty host</source>
        <translation>主机为空</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least one http rule is required when traffic is set</source>
        <translation>设置了 traffic 时至少需要一条 http 规则</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>at least one target is required</source>
        <translation>至少需要一个目标</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be between 0 and 100, is %1</source>
        <translation>必须在 0 到 100 之间，当前为 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the Service name %1 would be longer than 63 characters (a DNS label); use shorter revision or component names</source>
        <translation>Service 名称 %1 将超过 63 个字符（DNS 标签的上限）；请使用更短的修订版本名或组件名</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the Service name %1 would not be a DNS-1035 label (lower case alphanumeric characters or &apos;-&apos;, starting with a letter)</source>
        <translation>Service 名称 %1 将不是有效的 DNS-1035 标签（只能包含小写字母数字字符或“-”，且以字母开头）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>duplicate target %1/%2 port %3 (same as weightedTargets[%4])</source>
        <translation>重复的目标 %1/%2 端口 %3（与 weightedTargets[%4] 相同）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be a port number 1..65535, is %1</source>
        <translation>必须是 1..65535 之间的端口号，当前为 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>revision %1 has no component %2 (it has: %3)</source>
        <translation>修订版本 %1 没有组件 %2（它有：%3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>component %1: not supported: %2</source>
        <translation>组件 %1：不支持：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>component %1 of revision %2 listens on %3, not on %4</source>
        <translation>修订版本 %2 的组件 %1 监听端口 %3，而不是 %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>weight %1 for revision %2, which has no replicas in cluster %3, where the route is applied (the route goes to every cluster that runs a revision with weight &gt; 0)</source>
        <translation>修订版本 %2 的权重为 %1，但它在应用路由的集群 %3 中没有副本（路由会应用到每个运行权重 &gt; 0 的修订版本的集群）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>weight %1 for revision %2, which has 0 replicas</source>
        <translation>修订版本 %2 的权重为 %1，但它的副本数为 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>weight %1 for revision %2, which is not in spec.appRevisions (no replicas)</source>
        <translation>修订版本 %2 的权重为 %1，但它不在 spec.appRevisions 中（没有副本）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>weights sum to %1, must be exactly 100</source>
        <translation>权重之和为 %1，必须恰好为 100</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>AppDeployment %1 (cluster/namespace/name, placed from another cluster)</source>
        <translation>AppDeployment %1（集群/命名空间/名称，由另一个集群部署）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no owner reference</source>
        <translation>没有 ownerReference</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>, an earlier AppDeployment of this name, uid %1</source>
        <translation>，同名的早先 AppDeployment，uid %1</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/application.cpp" line="+84"/>
        <source>not supported: %1</source>
        <translation>不支持：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>required (a container image)</source>
        <translation>必填（容器镜像）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be an integer 1..65535</source>
        <translation>必须是 1..65535 之间的整数</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location filename="../../kube/rollout/plan.cpp" line="+64"/>
        <source>must be a list of strings</source>
        <translation>必须是字符串列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be a list of {name, value}</source>
        <translation>必须是 {name, value} 列表</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>must be a quantity such as &quot;500m&quot; or &quot;128Mi&quot;</source>
        <translation>必须是数量，例如“500m”或“128Mi”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be one of Always, IfNotPresent, Never</source>
        <translation>必须是 Always、IfNotPresent、Never 之一</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+57"/>
        <location filename="../../kube/rollout/plan.cpp" line="+22"/>
        <location line="+247"/>
        <location line="+7"/>
        <location line="+18"/>
        <source>must be a map</source>
        <translation>必须是映射</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>duplicate component name %1</source>
        <translation>组件名称 %1 重复</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Application %1: the latest revision number is %2, the largest VelaDesk can count to; no further revision can be recorded</source>
        <translation>Application %1：最新修订版本号为 %2，已达 VelaDesk 能计数的最大值；无法再记录新的修订版本</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/applier.cpp" line="+96"/>
        <location filename="../../kube/rollout/multicluster.cpp" line="+239"/>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>the apply lost its Lease: %1</source>
        <translation>本次应用失去了它的 Lease：%1</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+607"/>
        <location line="+585"/>
        <location line="+224"/>
        <location line="+174"/>
        <location line="+37"/>
        <location line="+225"/>
        <source>read %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <location line="-1847"/>
        <location line="+74"/>
        <location line="+1446"/>
        <source>list %1</source>
        <translation>列举 %1</translation>
    </message>
    <message>
        <location line="-1430"/>
        <location line="+817"/>
        <location line="+48"/>
        <location line="+139"/>
        <source>apply %1</source>
        <translation>应用 %1</translation>
    </message>
    <message>
        <location line="-989"/>
        <source>delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>cancelled by the operator</source>
        <translation>已被操作员取消</translation>
    </message>
    <message>
        <location line="+224"/>
        <source>unchanged: the cluster already runs this plan</source>
        <translation>未更改：集群已在运行此计划</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>could not write the Failed status: %1</source>
        <translation>无法写入 Failed 状态：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lease released</source>
        <translation>已释放 Lease</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not release the Lease (it expires by itself): %1</source>
        <translation>无法释放 Lease（它会自行过期）：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>read revisions and live objects, validate the plan, check ownership</source>
        <translation>读取修订版本和线上对象，校验计划，检查所有权</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the plan&apos;s namespace (%1) does not match --namespace %2</source>
        <translation>计划的命名空间（%1）与 --namespace %2 不一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>metadata.name: required</source>
        <translation>metadata.name：必填</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>read the apply Lease</source>
        <translation>读取应用 Lease</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>apply in progress by %1</source>
        <translation>%1 正在进行应用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (Lease %2): nothing was changed; try again when it has finished (if that apply died, its Lease expires at %3)</source>
        <translation>%1（Lease %2）：未做任何更改；请在其完成后重试（如果那次应用已中断，它的 Lease 将于 %3 过期）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>warning: %1; this dry-run may be outdated when it finishes</source>
        <translation>警告：%1；本次试运行结束时结果可能已过时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>check the AppDeployment CRD</source>
        <translation>检查 AppDeployment CRD</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list ApplicationRevisions</source>
        <translation>列举 ApplicationRevision</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../kube/rollout/routing.cpp" line="+99"/>
        <source>discovery</source>
        <translation>API 发现</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>list HorizontalPodAutoscalers</source>
        <translation>列举 HorizontalPodAutoscaler</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>routing: %1</source>
        <translation>路由：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the plan is invalid, nothing was changed: %1</source>
        <translation>计划无效，未做任何更改：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan is invalid (%1 errors), nothing was changed</source>
        <translation>计划无效（%1 个错误），未做任何更改</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: replicas managed by %2; the plan&apos;s %3 is not sent</source>
        <translation>%1：副本数由 %2 管理；不发送计划中的 %3</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 is owned by %2: adopting it (--adopt)</source>
        <translation>%1 归 %2 所有：接管它（--adopt）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 exists and is not owned by AppDeployment %2 (owner: %3)</source>
        <translation>%1 已存在且不归 AppDeployment %2 所有（所有者：%3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not overwritten, nothing was changed (use --adopt to take over)</source>
        <translation>未覆盖，未做任何更改（使用 --adopt 接管）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 objects exist that AppDeployment %2 does not own; %3</source>
        <translation>有 %1 个对象已存在且不归 AppDeployment %2 所有；%3</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 objects planned, %2 to prune now, %3 revisions known</source>
        <translation>计划 %1 个对象，现在需清理 %2 个，已知 %3 个修订版本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>acquire the Lease: one apply of this AppDeployment at a time</source>
        <translation>获取 Lease：此 AppDeployment 同一时间只能有一次应用</translation>
    </message>
    <message>
        <source>--dry-run: no Lease taken</source>
        <translation type="vanished">--dry-run：不获取 Lease</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>member cluster: the Lease is held in the home cluster</source>
        <translation>成员集群：Lease 由主集群持有</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Lease/%1 held by %2 (%3 s, renewed while the apply runs)</source>
        <translation>Lease/%1 由 %2 持有（%3 秒，应用运行期间持续续期）</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+23"/>
        <source>%1: adopted</source>
        <translation>%1：已接管</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>server-side dry-run of every object</source>
        <translation>对每个对象进行服务端试运行</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1: adoption accepted (dry-run)</source>
        <translation>%1：接管已被接受（试运行）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: accepted</source>
        <translation>%1：已接受</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 objects accepted, %2 deletions accepted</source>
        <translation>已接受 %1 个对象、%2 个删除</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>write the status (phase %1)</source>
        <translation>写入状态（阶段 %1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>apply the AppDeployment, phase Rolling</source>
        <translation>应用 AppDeployment，阶段 Rolling</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>member cluster: the AppDeployment lives in the home cluster</source>
        <translation>成员集群：AppDeployment 位于主集群</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>patch the AppDeployment&apos;s spec</source>
        <translation>修补 AppDeployment 的 spec</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>removed spec fields set by another field manager</source>
        <translation>已移除由其他字段管理器设置的 spec 字段</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>AppDeployment/%1 %2 (uid %3), phase Rolling</source>
        <translation>AppDeployment/%1 %2（uid %3），阶段 Rolling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>create Deployments and raise replicas (lowering waits until routing has moved)</source>
        <translation>创建 Deployment 并增加副本（减少副本要等路由切换之后）</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1: spec.replicas handed over to %2 at %3</source>
        <translation>%1：spec.replicas 以 %3 移交给 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: kept at %2 replicas until routing has moved (plan: %3)</source>
        <translation>%1：在路由切换前保持 %2 个副本（计划：%3）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>no Deployments in the plan</source>
        <translation>计划中没有 Deployment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 created, %2 raised, %3 kept above the plan until routing has moved, %4 otherwise applied, %5 unchanged (as the dry-run found them: not sent)</source>
        <translation>创建 %1 个，增加副本 %2 个，%3 个在路由切换前保持高于计划，其余 %4 个已应用，%5 个未变（试运行已确认：未发送）</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>%1: unchanged (as the dry-run found it)</source>
        <translation>%1：未变（与试运行结果一致）</translation>
    </message>
    <message>
        <location line="-283"/>
        <source>AppDeployment %1 was deleted and created again while the apply read it (uid %2, now %3): nothing was changed</source>
        <translation>应用读取 AppDeployment %1 期间它被删除并重新创建（uid %2，现为 %3）：未做任何更改</translation>
    </message>
    <message>
        <location line="+347"/>
        <source>--force: not waiting for %1</source>
        <translation>--force：不等待 %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: waiting, %2</source>
        <translation>%1：等待中，%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 not ready within %2 s: %3; traffic was not switched (use --force to route anyway)</source>
        <translation>%1在 %2 秒内未就绪：%3；流量未切换（使用 --force 可强制路由）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ready: %1</source>
        <translation>已就绪：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>wait until every revision that will get traffic has its planned replicas ready</source>
        <translation>等待每个将获得流量的修订版本达到计划的就绪副本数</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 ready of %2 needed</source>
        <translation>已就绪 %1 个，需要 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ready of %2 needed, but %3 pod(s) serve (its status lags behind the pods)</source>
        <translation>已就绪 %1 个，需要 %2 个，但只有 %3 个 Pod 在提供服务（其状态落后于 Pod）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no revision gets traffic</source>
        <translation>没有修订版本获得流量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>server-side apply of the Services</source>
        <translation>服务端应用（server-side apply）Service</translation>
    </message>
    <message>
        <location line="-193"/>
        <location line="+207"/>
        <source>%1: applied</source>
        <translation>%1：已应用</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>%1: created</source>
        <translation>%1：已创建</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: raised %2 -&gt; %3 replicas</source>
        <translation>%1：副本数已从 %2 增加到 %3</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+137"/>
        <location line="+277"/>
        <source>no traffic in the plan</source>
        <translation>计划中没有流量</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>%1 applied: %2</source>
        <translation>已应用 %1 个：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>wait until every Service that will get traffic has ready endpoints</source>
        <translation>等待每个将获得流量的 Service 拥有就绪端点</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 ready endpoints of %2 needed</source>
        <translation>就绪端点 %1 个，需要 %2 个</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no Service gets traffic</source>
        <translation>没有 Service 获得流量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 exists and is not owned by this AppDeployment: left alone</source>
        <translation>%1 已存在且不归此 AppDeployment 所有：保持不动</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has no parent Gateway (spec.traffic.gateways is empty): nothing routes through it</source>
        <translation>%1 没有父 Gateway（spec.traffic.gateways 为空）：没有流量经由它路由</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 does not exist: nothing routes %2 through it until it does</source>
        <translation>%1 不存在：在它存在之前，不会有流量经由它路由到 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be read (%2): not waiting for its controller</source>
        <translation>无法读取 %1（%2）：不等待其控制器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no controller has accepted %1 (GatewayClass %2): %3 is applied, but nothing routes it until one does</source>
        <translation>没有控制器接受 %1（GatewayClass %2）：%3 已应用，但在有控制器接受之前不会有流量经由它路由</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 was not accepted by %2 (controller %3): %4; replicas were not lowered and nothing was pruned</source>
        <translation>%1 未被 %2 接受（控制器 %3）：%4；未减少副本，也未清理任何对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (controller %2)</source>
        <translation>%1（控制器 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no status yet for generation %1</source>
        <translation>第 %1 代尚无状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: waiting for %2: %3</source>
        <translation>%1：等待 %2：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: accepted by %2</source>
        <translation>%1：已被 %2 接受</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was not accepted within %2 s: %3; replicas were not lowered and nothing was pruned</source>
        <translation>%1 在 %2 秒内未被接受：%3；未减少副本，也未清理任何对象</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>switch routing: server-side apply of the %1</source>
        <translation>切换路由：服务端应用（server-side apply）%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>switch routing: remove the routes (the plan has no traffic)</source>
        <translation>切换路由：删除路由（计划中没有流量）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no revision with weight &gt; 0 runs in this cluster</source>
        <translation>此集群中没有运行权重 &gt; 0 的修订版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan has no traffic</source>
        <translation>计划中没有流量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 deleted: %2</source>
        <translation>已删除 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: applied (resourceVersion %2)</source>
        <translation>%1：已应用（resourceVersion %2）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>; switched from %1: %2 deleted</source>
        <translation>；已从 %1 切换：已删除 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: deleted, %2 routes now</source>
        <translation>%1：已删除，现在由 %2 路由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 routes: %2%3%4</source>
        <translation>%1 路由：%2%3%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (warning: %1)</source>
        <translation>（警告：%1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>read the route back: nothing shrinks unless it routes as planned</source>
        <translation>回读路由：除非路由符合计划，否则不缩减任何对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the cluster serves no VirtualService and no HTTPRoute</source>
        <translation>集群既不提供 VirtualService，也不提供 HTTPRoute</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1; replicas were not lowered and nothing was pruned</source>
        <translation>%1；未减少副本，也未清理任何对象</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the %1 still exists after it was deleted</source>
        <translation>%1 在删除后仍然存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no route of this AppDeployment routes traffic</source>
        <translation>此 AppDeployment 没有任何路由在转发流量</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the %1 is gone right after it was applied</source>
        <translation>%1 在应用后立即消失了</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the %1 read back (resourceVersion %2) differs from what was applied in spec.%3: routes %4, planned %5 (another writer?)</source>
        <translation>回读的 %1（resourceVersion %2）在 spec.%3 上与所应用的不同：实际路由 %4，计划 %5（有其他写入者？）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 still exists after the switch to %2</source>
        <translation>切换到 %2 后，%1 仍然存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 routes as planned at resourceVersion %2: %3</source>
        <translation>%1 在 resourceVersion %2 上按计划路由：%3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>waiting %1 ms (--scale-down-delay) for the gateways to take the new routing before pods go</source>
        <translation>等待 %1 毫秒（--scale-down-delay），让网关在 Pod 下线前采用新路由</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>lower replicas to the plan, now that routing has moved</source>
        <translation>路由已切换，将副本减少到计划值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no replicas to lower</source>
        <translation>没有需要减少的副本</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 was not scaled to 0: a live route still gives it traffic (%2)</source>
        <translation>%1 未缩容到 0：仍有线上路由给它流量（%2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 to %2</source>
        <translation>%1 减至 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: lowered to %2 replicas</source>
        <translation>%1：已减少到 %2 个副本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lowered: %1</source>
        <translation>已减少：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>delete what this AppDeployment owns and the plan no longer names</source>
        <translation>删除此 AppDeployment 拥有但计划中已不再列出的对象</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>nothing to prune</source>
        <translation>没有需要清理的对象</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to delete: %1</source>
        <translation>待删除：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 was not deleted: a live route still gives it traffic (%2)</source>
        <translation>%1 未删除：仍有线上路由给它流量（%2）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: changed since it was listed and no longer owned by this AppDeployment: left as it is</source>
        <translation>%1：列出后已被修改，不再属于此 AppDeployment：保持原样</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: deleted</source>
        <translation>%1：已删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing deleted: what was listed changed meanwhile</source>
        <translation>未删除任何对象：列出的对象已在此期间发生变化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+65"/>
        <source>phase Completed</source>
        <translation>阶段 Completed</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>member cluster: the status is written in the home cluster</source>
        <translation>成员集群：状态写在主集群中</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>record the completed plan</source>
        <translation>记录已完成的计划</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>record the apply in the history</source>
        <translation>在历史中记录本次应用</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>history: revision %1 recorded (ControllerRevision/%2)</source>
        <translation>历史：已记录修订 %1（ControllerRevision/%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the apply could not be recorded in the history: %1</source>
        <translation>无法在历史中记录本次应用：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+45"/>
        <source>history: %1</source>
        <translation>历史：%1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>record the result in the history</source>
        <translation>在历史中记录结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not record the result (%1) of revision %2: %3</source>
        <translation>无法记录修订 %2 的结果（%1）：%3</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/applylease.cpp" line="+105"/>
        <source>%1 since %2</source>
        <translation>%1，自 %2 起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>could not renew the Lease for longer than its %1 s: %2</source>
        <translation>超过 Lease 的 %1 秒时长仍无法续期：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lease %1 was deleted by someone else</source>
        <translation>Lease %1 被他人删除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lease %1 was taken over by %2</source>
        <translation>Lease %1 被 %2 接管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>someone else</source>
        <translation>他人</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>read Lease %1</source>
        <translation>读取 Lease %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>create Lease %1</source>
        <translation>创建 Lease %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>apply in progress by %1 (Lease %2, renewed %3 s ago): nothing was changed; try again when it has finished (if that apply died, its Lease expires at %4)</source>
        <translation>%1 正在进行应用（Lease %2，%3 秒前续期）：未做任何更改；请在其完成后重试（如果那次应用已中断，它的 Lease 将于 %4 过期）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>take over Lease %1</source>
        <translation>接管 Lease %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lease %1 kept changing while VelaDesk tried to acquire it</source>
        <translation>VelaDesk 尝试获取 Lease %1 时，它一直在变化</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the release deadline</source>
        <translation>释放期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete Lease %1</source>
        <translation>删除 Lease %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lease %1 was taken over by another apply; left as it is</source>
        <translation>Lease %1 已被另一次应用接管；保持原样</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/cluster.cpp" line="+53"/>
        <source>the AppDeployment CRD (%1) is not established yet</source>
        <translation>AppDeployment CRD（%1）尚未就绪（established）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the AppDeployment CRD (%1) is not installed in this cluster: run `veladesk setup` first</source>
        <translation>此集群中未安装 AppDeployment CRD（%1）：请先运行 `veladesk setup`</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>created CRD %1 but it was not established within 30 s</source>
        <translation>已创建 CRD %1，但它未在 30 秒内就绪（established）</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Application %1: %2 (nothing applied)</source>
        <translation>Application %1：%2（未应用任何内容）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the namespace of the Application (%1) does not match --namespace %2</source>
        <translation>Application 的命名空间（%1）与 --namespace %2 不一致</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>application/%1 applied; KubeVela&apos;s controller records the revision</source>
        <translation>application/%1 已应用；由 KubeVela 的控制器记录修订版本</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>application/%1 was applied but no revision was recorded: %2</source>
        <translation>application/%1 已应用，但未记录修订版本：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>application/%1 was applied but recording revision %2 failed: %3 (apply the file again to record it)</source>
        <translation>application/%1 已应用，但记录修订版本 %2 失败：%3（请再次应用该文件以记录它）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>revision %1 recorded but status.latestRevision of application/%2 could not be written: %3</source>
        <translation>已记录修订版本 %1，但无法写入 application/%2 的 status.latestRevision：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>application/%1 applied; revision %2 recorded</source>
        <translation>application/%1 已应用；已记录修订版本 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>application/%1 applied; spec unchanged, latest revision is still %2</source>
        <translation>application/%1 已应用；spec 未变化，最新修订版本仍是 %2</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>exists and is not owned by this AppDeployment (owner: %1); apply refuses to overwrite it unless --adopt</source>
        <translation>已存在且不归此 AppDeployment 所有（所有者：%1）；除非使用 --adopt，否则应用时拒绝覆盖它</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/history.cpp" line="+109"/>
        <source>history entry %1 (revision %2): %3</source>
        <translation>历史条目 %1（修订 %2）：%3</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>not a ControllerRevision</source>
        <translation>不是 ControllerRevision</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metadata.labels: %1 missing</source>
        <translation>metadata.labels：缺少 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revision: must be a positive integer</source>
        <translation>revision：必须是正整数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>data.spec: missing (not a VelaDesk history entry)</source>
        <translation>data.spec：缺失（不是 VelaDesk 历史条目）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>metadata.annotations.%1: &quot;%2&quot; is not a revision number</source>
        <translation>metadata.annotations.%1：“%2”不是修订号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metadata.annotations.%1: &quot;%2&quot; is not Running, Succeeded, Failed or Interrupted</source>
        <translation>metadata.annotations.%1：“%2”不是 Running、Succeeded、Failed 或 Interrupted</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>metadata.annotations.%1: &quot;%2&quot; is not a number from 1 to %3</source>
        <translation>metadata.annotations.%1：“%2”不是 1 到 %3 之间的数字</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>could not prune history revision %1: %2</source>
        <translation>无法清理历史修订 %1：%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>AppDeployment %1/%2 has no history: revision %3 does not exist (an apply by VelaDesk records one)</source>
        <translation>AppDeployment %1/%2 没有历史：修订 %3 不存在（VelaDesk 每次应用都会记录一条）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>revision %3 of AppDeployment %1/%2 was pruned: the history keeps the newest entries, %4 to %5 (see veladesk history %2)</source>
        <translation>AppDeployment %1/%2 的修订 %3 已被清理：历史只保留最新的条目，即 %4 到 %5（参见 veladesk history %2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>AppDeployment %1/%2 has no revision %3 in its history (revisions %4 to %5; see veladesk history %2)</source>
        <translation>AppDeployment %1/%2 的历史中没有修订 %3（修订 %4 到 %5；参见 veladesk history %2）</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/httproute.cpp" line="+73"/>
        <source>must be an absolute path starting with &apos;/&apos;</source>
        <translation>必须是以“/”开头的绝对路径</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not contain &apos;%1&apos;</source>
        <translation>不能包含“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not end with &apos;/.&apos; or &apos;/..&apos;</source>
        <translation>不能以“/.”或“/..”结尾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>holds characters a path may not</source>
        <translation>包含路径中不允许的字符</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>must hold exactly one of exact, prefix or regex</source>
        <translation>必须恰好包含 exact、prefix 或 regex 之一</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not exact, prefix or regex</source>
        <translation>%1 不是 exact、prefix 或 regex</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be a non-empty string</source>
        <translation>%1 必须是非空字符串</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not a %2 name an HTTPRoute accepts</source>
        <translation>“%1”不是 HTTPRoute 接受的%2名称</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an HTTPRoute matches a %1 exactly or by regular expression, not by prefix: use regex &quot;^%2.*&quot;, or route this plan with virtualservice</source>
        <translation>HTTPRoute 只能精确或按正则表达式匹配%1，不能按前缀匹配：请使用 regex“^%2.*”，或用 virtualservice 路由此计划</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;%1&quot; %2 (an HTTPRoute path)</source>
        <translation>“%1”%2（HTTPRoute 路径）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>query parameter</source>
        <translation>查询参数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an HTTPRoute matches a method exactly, one of %1</source>
        <translation>HTTPRoute 只能精确匹配方法，取值为 %1 之一</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Istio&apos;s match name (for logs and metrics) has no HTTPRoute counterpart: not carried</source>
        <translation>Istio 的匹配名称（用于日志和指标）在 HTTPRoute 中没有对应项：不予保留</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an HTTPRoute cannot match on %1 (an Istio VirtualService field): route this plan with virtualservice, or drop it</source>
        <translation>HTTPRoute 无法按 %1 匹配（这是 Istio VirtualService 的字段）：请用 virtualservice 路由此计划，或删除该字段</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>no gateways: the HTTPRoute attaches to no Gateway, so nothing routes through it</source>
        <translation>没有网关：HTTPRoute 未挂接到任何 Gateway，因此没有流量经由它路由</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 gateways; an HTTPRoute takes at most %2</source>
        <translation>%1 个网关；HTTPRoute 最多接受 %2 个</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;mesh&quot; is Istio&apos;s name for the sidecars; an HTTPRoute attaches to Gateways only: name a Gateway, or route this plan with virtualservice</source>
        <translation>“mesh”是 Istio 对边车（sidecar）的称呼；HTTPRoute 只能挂接到 Gateway：请指定一个 Gateway，或用 virtualservice 路由此计划</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a Gateway as name or namespace/name</source>
        <translation>“%1”不是以 name 或 namespace/name 形式表示的 Gateway</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gateway %1 is listed twice</source>
        <translation>Gateway %1 被列出了两次</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: an HTTPRoute hostname cannot be an IP address</source>
        <translation>%1：HTTPRoute 的主机名不能是 IP 地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a hostname an HTTPRoute accepts (lower-case DNS name, optionally starting with &quot;*.&quot;)</source>
        <translation>%1 不是 HTTPRoute 接受的主机名（小写 DNS 名称，可以“*.”开头）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 hosts; an HTTPRoute takes at most %2 hostnames</source>
        <translation>%1 个主机；HTTPRoute 最多接受 %2 个主机名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 rules; an HTTPRoute takes at most %2</source>
        <translation>%1 条规则；HTTPRoute 最多接受 %2 条</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 targets; an HTTPRoute rule takes at most %2</source>
        <translation>%1 个目标；HTTPRoute 的一条规则最多接受 %2 个</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 matches; an HTTPRoute rule takes at most %2</source>
        <translation>%1 个匹配；HTTPRoute 的一条规则最多接受 %2 个</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 matches in all; an HTTPRoute takes at most %2</source>
        <translation>共 %1 个匹配；HTTPRoute 最多接受 %2 个</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an HTTPRoute tries the most specific match first (exact path, longest prefix, method, headers, query parameters), not the rules&apos; order: a request that matches http[%1] and http[%2] goes to http[%2] (a VirtualService sends it to http[%1])</source>
        <translation>HTTPRoute 优先采用最具体的匹配（精确路径、最长前缀、方法、请求头、查询参数），而不是规则的顺序：同时匹配 http[%1] 和 http[%2] 的请求会发往 http[%2]（VirtualService 会把它发往 http[%1]）</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/inspect.cpp" line="+230"/>
        <location line="+46"/>
        <location line="+64"/>
        <location line="+147"/>
        <location line="+254"/>
        <location line="+57"/>
        <location filename="../../kube/rollout/objecttree.cpp" line="+269"/>
        <location line="+51"/>
        <location line="+108"/>
        <location line="+45"/>
        <location line="+27"/>
        <source>Pending deletion</source>
        <translation>等待删除</translation>
    </message>
    <message>
        <location line="-555"/>
        <source>an apply is in progress</source>
        <translation>正在进行应用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the last apply failed</source>
        <translation>上一次应用失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the AppDeployment has no status: it was never applied</source>
        <translation>AppDeployment 没有状态：它从未被应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown phase %1</source>
        <translation>未知阶段 %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deployment is paused</source>
        <translation>Deployment 已暂停</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for rollout to finish: observed deployment generation less than desired generation</source>
        <translation>等待发布完成：观察到的 Deployment 代数小于期望代数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deployment &quot;%1&quot; exceeded its progress deadline</source>
        <translation>Deployment“%1”超过了其进度期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deployment &quot;%1&quot; exceeded its progress deadline: %2</source>
        <translation>Deployment“%1”超过了其进度期限：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for rollout to finish: %1 out of %2 new replicas have been updated...</source>
        <translation>等待发布完成：%2 个新副本中已有 %1 个更新……</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for rollout to finish: %1 old replicas are pending termination...</source>
        <translation>等待发布完成：%1 个旧副本等待终止……</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for rollout to finish: %1 of %2 updated replicas are available...</source>
        <translation>等待发布完成：%2 个已更新副本中有 %1 个可用……</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Waiting for rollout to finish: observed replica set generation less than desired generation</source>
        <translation>等待发布完成：观察到的 ReplicaSet 代数小于期望代数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for rollout to finish: %1 out of %2 new replicas are available...</source>
        <translation>等待发布完成：%2 个新副本中有 %1 个可用……</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>init container %1</source>
        <translation>初始化容器 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>container %1</source>
        <translation>容器 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>waiting to be scheduled</source>
        <translation>等待调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>containers starting</source>
        <translation>容器正在启动</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>container &quot;%1&quot; failed with exit code %2</source>
        <translation>容器“%1”失败，退出码 %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>container %1 is not ready after it terminated (%2, exit code %3)</source>
        <translation>容器 %1 终止后未就绪（%2，退出码 %3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no reason</source>
        <translation>无原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>containers not ready yet</source>
        <translation>容器尚未就绪</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pod phase %1</source>
        <translation>Pod 阶段 %1</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>no Gateway has reported on this route yet</source>
        <translation>尚无 Gateway 报告此路由的状态</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is False</source>
        <translation>%1 为 False</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>waiting for a controller of GatewayClass %1</source>
        <translation>等待 GatewayClass %1 的控制器</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/multicluster.cpp" line="-214"/>
        <source>--cluster %1: expected NAME=CONTEXT (a cluster name of the plan&apos;s placements and a kubeconfig context)</source>
        <translation>--cluster %1：应为 NAME=CONTEXT（计划 placement 中的集群名称和 kubeconfig 上下文）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--cluster: cluster %1 is mapped twice (%2 and %3)</source>
        <translation>--cluster：集群 %1 被映射了两次（%2 和 %3）</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>cluster %1 of the plan&apos;s placements: the kubeconfig has no context %2 (map it with --cluster %1=CONTEXT; contexts: %3); nothing was changed</source>
        <translation>计划 placement 中的集群 %1：kubeconfig 中没有上下文 %2（请用 --cluster %1=CONTEXT 映射；可用上下文：%3）；未做任何更改</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <source>cluster %1 (context %2): %3</source>
        <translation>集群 %1（上下文 %2）：%3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>cluster %1 (context %2, server %3) is unreachable: %4</source>
        <translation>集群 %1（上下文 %2，服务器 %3）无法访问：%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(home)</source>
        <translation>（主集群）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1; nothing was changed in any cluster</source>
        <translation>%1；任何集群都未做更改</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>cluster %1:</source>
        <translation>集群 %1：</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>no cluster</source>
        <translation>没有集群</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>waiting for every cluster</source>
        <translation>等待所有集群</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>cluster %1 (context %2) failed at step %3: %4; %5</source>
        <translation>集群 %1（上下文 %2）在步骤 %3 失败：%4；%5</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>nothing was changed in any cluster</source>
        <translation>任何集群都未做更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-applied: %1; routing still points only at ready revisions; apply the plan again once cluster %2 answers to finish</source>
        <translation>部分应用：%1；路由仍只指向就绪的修订版本；待集群 %2 恢复响应后再次应用该计划即可完成</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/offline.cpp" line="+56"/>
        <source>kind %1 is not an Application, ApplicationRevision or AppDeployment</source>
        <translation>kind %1 不是 Application、ApplicationRevision 或 AppDeployment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/plan.cpp" line="-323"/>
        <location line="+6"/>
        <source>must be an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>must be an integer between -2147483648 and 2147483647</source>
        <translation>必须是 -2147483648 到 2147483647 之间的整数</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/application.cpp" line="-243"/>
        <location filename="../../kube/rollout/plan.cpp" line="+14"/>
        <location line="+17"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location line="+108"/>
        <location filename="../../kube/rollout/plan.cpp" line="+12"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/plan.cpp" line="+214"/>
        <source>expected AppDeployment, got nothing</source>
        <translation>应为 AppDeployment，但未提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected AppDeployment, got %1</source>
        <translation>应为 AppDeployment，实际为 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected core.oam.dev/v1beta1, got %1</source>
        <translation>应为 core.oam.dev/v1beta1，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/retry.h" line="+84"/>
        <source> (gave up after %1 attempts: %2 reached)</source>
        <translation>（尝试 %1 次后放弃：已到达 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2; retrying in %3 ms (attempt %4)</source>
        <translation>%1：%2；%3 毫秒后重试（第 %4 次尝试）</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/routing.cpp" line="-46"/>
        <source>metadata.annotations[%1]: &quot;%2&quot; is not a routing API: use virtualservice or httproute</source>
        <translation>metadata.annotations[%1]：“%2”不是路由 API：请使用 virtualservice 或 httproute</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the plan&apos;s annotation %1</source>
        <translation>计划的注解 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the AppDeployment&apos;s annotation %1 in the cluster</source>
        <translation>集群中 AppDeployment 的注解 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2/%3), from %4</source>
        <translation>%1（%2/%3），来自 %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not served</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--routing %1 contradicts the plan&apos;s annotation %2: %3; remove one of them</source>
        <translation>--routing %1 与计划的注解 %2 矛盾：%3；请删除其中之一</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the cluster serves neither VirtualService (networking.istio.io v1 or v1beta1) nor HTTPRoute (gateway.networking.k8s.io/v1): install Istio&apos;s or the Gateway API&apos;s CRDs</source>
        <translation>集群既不提供 VirtualService（networking.istio.io v1 或 v1beta1），也不提供 HTTPRoute（gateway.networking.k8s.io/v1）：请安装 Istio 或 Gateway API 的 CRD</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>routing through HTTPRoute (from %1), but the cluster serves no HTTPRoute (gateway.networking.k8s.io/v1): install the Gateway API CRDs, or route with virtualservice</source>
        <translation>通过 HTTPRoute 路由（来自 %1），但集群不提供 HTTPRoute（gateway.networking.k8s.io/v1）：请安装 Gateway API 的 CRD，或用 virtualservice 路由</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>routing through VirtualService (from %1), but the cluster serves no VirtualService (networking.istio.io v1 or v1beta1): install Istio&apos;s CRDs, or route with httproute</source>
        <translation>通过 VirtualService 路由（来自 %1），但集群不提供 VirtualService（networking.istio.io v1 或 v1beta1）：请安装 Istio 的 CRD，或用 httproute 路由</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/objecttree.cpp" line="-411"/>
        <location line="+278"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>1 ready endpoint</source>
        <translation>1 个就绪端点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ready endpoints</source>
        <translation>%1 个就绪端点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 replica</source>
        <translation>1 个副本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 replicas</source>
        <translation>%1 个副本</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1, %2/%3 ready, %4 restarts</source>
        <translation>%1，%2/%3 就绪，重启 %4 次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, node %1</source>
        <translation>，节点 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+14"/>
        <source>%1/%2 ready</source>
        <translation>%1/%2 就绪</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>, revision %1</source>
        <translation>，修订 %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>, %1 not ready</source>
        <translation>，%1 个未就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, port %1</source>
        <translation>，端口 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the selector %1 matches no pod</source>
        <translation>选择器 %1 未匹配到任何 Pod</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no pod matches the selector</source>
        <translation>没有 Pod 匹配该选择器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>selector %1</source>
        <translation>选择器 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 pod(s) selected, none is a ready endpoint yet (ready pods not in an EndpointSlice)</source>
        <translation>选中了 %1 个 Pod，但还没有一个是就绪端点（就绪的 Pod 尚未进入 EndpointSlice）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 pod(s) selected, none is a ready endpoint yet (pods starting)</source>
        <translation>选中了 %1 个 Pod，但还没有一个是就绪端点（Pod 正在启动）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 pod(s) selected, none is a ready endpoint</source>
        <translation>选中了 %1 个 Pod，但没有一个是就绪端点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, selects 1 pod</source>
        <translation>，选中 1 个 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, selects %1 pods</source>
        <translation>，选中 %1 个 Pod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, no selector</source>
        <translation>，无选择器</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 endpoint(s), none ready</source>
        <translation>%1 个端点，均未就绪</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ready, %2 not ready</source>
        <translation>%1 个就绪，%2 个未就绪</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+36"/>
        <source>in namespace %1: not inspected</source>
        <translation>位于命名空间 %1：未检查</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>a %1: not inspected</source>
        <translation>一个 %1：未检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this cluster does not serve the Gateway kind</source>
        <translation>此集群不提供 Gateway 类型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Gateway %1 does not exist</source>
        <translation>Gateway %1 不存在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>attached to Gateway %1, which does not exist</source>
        <translation>挂接到 Gateway %1，但它不存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>class %1</source>
        <translation>类 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, listener %1</source>
        <translation>，监听器 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>outside the cluster: not inspected</source>
        <translation>位于集群外：未检查</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+17"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Service %1 does not exist</source>
        <translation>Service %1 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, not found</source>
        <translation>，未找到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>routes to Service %1, which does not exist</source>
        <translation>路由到 Service %1，但它不存在</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>gives weight %1 to Service %2, which has no ready endpoint</source>
        <translation>给 Service %2 分配了权重 %1，但它没有就绪端点</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Application %1 does not exist</source>
        <translation>Application %1 不存在</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no revision recorded</source>
        <translation>未记录修订</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>latest %1</source>
        <translation>最新 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2, weight %3</source>
        <translation>%1：%2，权重 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (latest)</source>
        <translation>（最新）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, in plan %1</source>
        <translation>，计划中：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no status</source>
        <translation>无状态</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the plan names revision %1, which does not exist</source>
        <translation>计划中列出了修订版本 %1，但它不存在</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>for revision %1 (%2)</source>
        <translation>用于修订 %1（%2）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>, not in the plan</source>
        <translation>，不在计划中</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>planned %1; the apply in progress has not created it yet</source>
        <translation>计划为 %1；进行中的应用尚未创建它</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>planned by AppDeployment %1 %2, does not exist</source>
        <translation>由 AppDeployment %1 %2 计划，但不存在</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the apply in progress has not created it yet</source>
        <translation>进行中的应用尚未创建它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>planned by AppDeployment %1 for its traffic, does not exist</source>
        <translation>由 AppDeployment %1 为其流量计划，但不存在</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>hosts %1</source>
        <translation>主机 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>any hostname</source>
        <translation>任意主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hostnames %1</source>
        <translation>主机名 %1</translation>
    </message>
    <message>
        <location line="+287"/>
        <source>cannot list %1 in namespace %2: %3</source>
        <translation>无法列举命名空间 %2 中的 %1：%3</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>
%1 objects, none unhealthy
</source>
        <translation>
共 %1 个对象，全部健康
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
%1 of %2 objects unhealthy:
  %3
</source>
        <translation>
%2 个对象中有 %1 个不健康：
  %3
</translation>
    </message>
    <message>
        <location filename="../../kube/rollout/probe.cpp" line="+130"/>
        <source>the gateway URL is required (--url http://HOST:PORT/)</source>
        <translation>需要网关 URL（--url http://HOST:PORT/）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--url %1 is not an http:// or https:// URL with a host</source>
        <translation>--url %1 不是带主机的 http:// 或 https:// URL</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--requests must be between 1 and 100000, is %1</source>
        <translation>--requests 必须在 1 到 100000 之间，当前为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--concurrency must be between 1 and 256, is %1</source>
        <translation>--concurrency 必须在 1 到 256 之间，当前为 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--timeout must be between 100 ms and 10 min, is %1 ms</source>
        <translation>--timeout 必须在 100 毫秒到 10 分钟之间，当前为 %1 毫秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--host %1 is not a host name (no port, no path)</source>
        <translation>--host %1 不是主机名（不能带端口或路径）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a body fingerprint needs a revision and a text (--fingerprint REVISION=TEXT)</source>
        <translation>响应体指纹需要修订版本和文本（--fingerprint REVISION=TEXT）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the body limit must be between 0 and 16 MiB</source>
        <translation>响应体上限必须在 0 到 16 MiB 之间</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 of %2 requests sent, %3 answered (%4 2xx, %5 non-2xx), %6 without an answer; %7 attributed to a revision, %8 2xx unattributable; %9 ms</source>
        <translation>已发送 %2 个请求中的 %1 个，%3 个得到响应（%4 个 2xx，%5 个非 2xx），%6 个无响应；%7 个归属到修订版本，%8 个 2xx 无法归属；耗时 %9 毫秒</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>non-2xx answers: %1</source>
        <translation>非 2xx 响应：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>without an answer: %1</source>
        <translation>无响应：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopped early: %1</source>
        <translation>提前停止：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled after %1 of %2 requests</source>
        <translation>在 %2 个请求中的第 %1 个之后取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (configured %2, observed %3, 95 % interval %4-%5)</source>
        <translation>%1（配置 %2，观测 %3，95 % 置信区间 %4-%5）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no response could be attributed to a revision: the split cannot be judged</source>
        <translation>没有响应能归属到修订版本：无法判断流量划分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the observed split differs from the configured one: %1</source>
        <translation>观测到的流量划分与配置不符：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the observed split matches the configured weights (each configured share lies within its 95 % interval)</source>
        <translation>观测到的流量划分与配置的权重相符（每个配置份额都落在其 95 % 置信区间内）</translation>
    </message>
    <message>
        <location line="+247"/>
        <source>%1 requests in a row got no answer from %2 (%3): the gateway is unreachable or does not answer</source>
        <translation>连续 %1 个请求没有从 %2 得到响应（%3）：网关无法访问或没有响应</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>AppDeployment %1 routes no traffic (no spec.traffic)</source>
        <translation>AppDeployment %1 不路由任何流量（没有 spec.traffic）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>no http rule of AppDeployment %1 matches a GET of %2</source>
        <translation>AppDeployment %1 没有任何 http 规则匹配对 %2 的 GET 请求</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the route&apos;s first host is &quot;%1&quot;: give the Host to send with --host</source>
        <translation>路由的第一个主机是“%1”：请用 --host 指定要发送的 Host</translation>
    </message>
</context>
<context>
    <name>veladesk::ApplicationsModel</name>
    <message>
        <location filename="../../models/applicationsmodel.cpp" line="+38"/>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revs</source>
        <translation>版本数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest</source>
        <translation>最新版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AppDeployment</source>
        <translation>AppDeployment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(no status)</source>
        <translation>（无状态）</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>apply in progress by
%1
since %2</source>
        <translation>%1
正在应用
始于 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply in progress by %1 since %2 (Lease %3, renewed %4, expires %5 unless renewed). Apply is disabled for %6 until it ends.</source>
        <translation>%1 自 %2 起正在应用（Lease %3，续约于 %4，若不续约将于 %5 过期）。在其结束前，%6 的应用操作不可用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (interrupted)</source>
        <translation>%1（已中断）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An apply set phase %1 and stopped half way (%2). Open the application to re-apply its plan or revert to the last completed one.</source>
        <translation>一次应用操作将阶段设为 %1 后中途停止（%2）。请打开该应用，重新应用其计划，或回退到上一次完成的计划。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the Lease of %1 expired at %2</source>
        <translation>%1 的 Lease 已于 %2 过期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no apply holds its Lease</source>
        <translation>没有应用操作持有其 Lease</translation>
    </message>
</context>
<context>
    <name>veladesk::ApplyPane</name>
    <message>
        <location filename="../../ui/applypane.cpp" line="+85"/>
        <source>Nothing applied yet.</source>
        <translation>尚未应用任何内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel apply</source>
        <translation>取消应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the apply between requests (Esc)</source>
        <translation>在两次请求之间停止应用（Esc）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apply steps</source>
        <translation>应用步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each step of the apply: its state, what happened, the objects it changed</source>
        <translation>应用的每个步骤：其状态、发生了什么、更改了哪些对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+75"/>
        <location line="+27"/>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="-86"/>
        <location line="+113"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lease</source>
        <translation>获取 Lease</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dry-run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appdeployment</source>
        <translation>AppDeployment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deployments</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>readiness</source>
        <translation>等待就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>services</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read-back</source>
        <translation>回读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale-down</source>
        <translation>缩容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prune</source>
        <translation>清理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Applied.</source>
        <translation>已应用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All steps done.</source>
        <translation>所有步骤已完成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deployment/%1: replicas managed by HPA/%2 (spec.replicas not sent)</source>
        <translation>Deployment/%1：副本数由 HPA/%2 管理（未发送 spec.replicas）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply refused: another apply is in progress.</source>
        <translation>应用被拒绝：另一个应用操作正在进行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held by %1 since %2 (Lease %3/%4, renewed %5, expires %6 unless renewed).
Nothing was changed. Apply again when that apply ends or its Lease expires.</source>
        <translation>自 %2 起由 %1 持有（Lease %3/%4，续约于 %5，若不续约将于 %6 过期）。
未做任何更改。请在该应用操作结束或其 Lease 过期后再次应用。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply failed.</source>
        <translation>应用失败。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
Done: %2
Not done: %3</source>
        <translation>%1
已完成：%2
未完成：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Apply not started.</source>
        <translation>应用未开始。</translation>
    </message>
</context>
<context>
    <name>veladesk::ClusterSession</name>
    <message>
        <location filename="../../models/clustersession.cpp" line="+32"/>
        <source>watching pods in %1</source>
        <translation>正在监视 %1 中的 Pod</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 watch reconnecting: %2</source>
        <translation>%1 监视正在重新连接：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 watch failed: %2</source>
        <translation>%1 监视失败：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>read %1: %2 contexts, current &quot;%3&quot;</source>
        <translation>已读取 %1：%2 个上下文，当前为“%3”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>no kubeconfig</source>
        <translation>没有 kubeconfig</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting to context &quot;%1&quot; (%2), namespace %3</source>
        <translation>正在连接上下文“%1”（%2），命名空间 %3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>connected: Kubernetes %1, %2 resource types</source>
        <translation>已连接：Kubernetes %1，%2 种资源类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the AppDeployment CRD is not installed: run `veladesk setup`</source>
        <translation>未安装 AppDeployment CRD：请运行 `veladesk setup`</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot list namespaces: %1</source>
        <translation>无法列出命名空间：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>namespace %1</source>
        <translation>命名空间 %1</translation>
    </message>
</context>
<context>
    <name>veladesk::HistoryModel</name>
    <message>
        <location filename="../../models/historymodel.cpp" line="+34"/>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change cause</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no traffic routing</source>
        <translation>无流量路由</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>kubeconfig user %1 on %2
apply %3</source>
        <translation>kubeconfig 用户 %1，主机 %2
应用操作 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+1"/>
        <source>%1 revision %2</source>
        <translation>%1 修订版本 %2</translation>
    </message>
</context>
<context>
    <name>veladesk::HistoryPane</name>
    <message>
        <location filename="../../ui/historypane.cpp" line="+40"/>
        <source>Apply history</source>
        <translation>应用历史</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select one entry to see what it changed, two to compare them</source>
        <translation>选择一条记录查看其变更，选择两条进行比较</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weight per revision over the history</source>
        <translation>历史中各修订版本的权重</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Load into editor</source>
        <translation>载入编辑器(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load into editor</source>
        <translation>载入编辑器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected entry&apos;s plan into the rollout editor as unapplied edits; then preview and apply as usual</source>
        <translation>将所选记录的计划作为未应用的编辑放入发布编辑器；然后照常预览并应用</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No AppDeployment selected: its apply history shows here.</source>
        <translation>未选择 AppDeployment：其应用历史将显示在此处。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>appdeployment/%1: no history recorded yet</source>
        <translation>appdeployment/%1：尚无历史记录</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>appdeployment/%1: %n entries (newest first)</source>
        <translation>
            <numerusform>appdeployment/%1：%n 条记录（最新的在前）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>history revision</source>
        <translation>历史修订版本</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Revision %1: the plan (no earlier entry kept)</source>
        <translation>修订版本 %1：计划（未保留更早的记录）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What revision %1 changed (against revision %2)</source>
        <translation>修订版本 %1 的变更（相对于修订版本 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(the same plan as revision %1)</source>
        <translation>（与修订版本 %1 的计划相同）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Revision %1 against revision %2</source>
        <translation>修订版本 %1 对比修订版本 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(the two plans are the same)</source>
        <translation>（两个计划相同）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an entry to see its plan, two to compare them</source>
        <translation>选择一条记录查看其计划，选择两条进行比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select at most two entries to compare</source>
        <translation>最多选择两条记录进行比较</translation>
    </message>
</context>
<context>
    <name>veladesk::LogModel</name>
    <message>
        <location filename="../../models/logmodel.cpp" line="+27"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>veladesk::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+170"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List everything again</source>
        <translation>重新列出所有内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the YAML and the server-side diff of the plan</source>
        <translation>显示计划的 YAML 和服务端差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the plan to the cluster</source>
        <translation>将计划应用到集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel apply</source>
        <translation>取消应用(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running apply</source>
        <translation>停止正在进行的应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert edits</source>
        <translation>撤销编辑(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the edits not applied yet</source>
        <translation>丢弃尚未应用的编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split &amp;evenly</source>
        <translation>平均分配(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock all rows and split evenly</source>
        <translation>解锁所有行并平均分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-apply</source>
        <translation>重新应用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finish the interrupted apply: the plan the AppDeployment holds, previewed first</source>
        <translation>完成被中断的应用：使用 AppDeployment 保存的计划，先预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revert to last completed</source>
        <translation>回退到上次完成的计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+840"/>
        <source>Go back to the last plan applied to completion, previewed first</source>
        <translation>回到上一次完整应用的计划，先预览</translation>
    </message>
    <message>
        <location line="-833"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rollout</source>
        <translation>发布(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Verify split...</source>
        <translation>验证流量分配(&amp;V)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send requests through the gateway and compare the split they see with the plan&apos;s weights</source>
        <translation>通过网关发送请求，将观测到的流量分配与计划的权重进行比较</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an application to verify its split</source>
        <translation>选择一个应用以验证其流量分配</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose &amp;context</source>
        <translation>选择上下文(&amp;C)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to &amp;applications</source>
        <translation>转到应用列表(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the keyboard focus to the applications list (Ctrl+L)</source>
        <translation>将键盘焦点移到应用列表（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose &amp;namespace</source>
        <translation>选择命名空间(&amp;N)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Context: </source>
        <translation> 上下文：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>kubeconfig context (Ctrl+K)</source>
        <translation>kubeconfig 上下文（Ctrl+K）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Namespace: </source>
        <translation>  命名空间：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Namespace (Ctrl+N); type a name and press Enter</source>
        <translation>命名空间（Ctrl+N）；输入名称后按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications of the namespace: select one to edit its rollout (Ctrl+L, then arrows)</source>
        <translation>命名空间中的应用：选择一个以编辑其发布（Ctrl+L，然后用方向键）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revisions</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ApplicationRevisions of the selected application; double-click one that is not in the plan to add it</source>
        <translation>所选应用的 ApplicationRevision；双击不在计划中的一个即可将其加入</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 (%2 shows or hides it)</source>
        <translation>%1（%2 显示或隐藏）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pods of the selected application&apos;s revisions, from the watch; select one to follow its log</source>
        <translation>所选应用各修订版本的 Pod（来自监视）；选择一个以跟随其日志</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Clusters not live</source>
        <translation>非实时的集群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other clusters of the plan whose pods cannot be shown live (F5 retries)</source>
        <translation>计划中的其他集群，其 Pod 无法实时显示（按 F5 重试）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>What VelaDesk did and the cluster&apos;s Events (Ctrl+C copies the selected lines)</source>
        <translation>VelaDesk 执行的操作和集群的事件（Ctrl+C 复制所选行）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>added %1 to the plan</source>
        <translation>已将 %1 加入计划</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+72"/>
        <location line="+252"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>Preview / diff</source>
        <translation>预览 / 差异</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply</source>
        <translation>应用步骤</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+40"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pod logs</source>
        <translation>Pod 日志</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>no kubeconfig</source>
        <translation>没有 kubeconfig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No usable kubeconfig: %1
Start VelaDesk with --kubeconfig FILE, or set KUBECONFIG.</source>
        <translation>没有可用的 kubeconfig：%1
请使用 --kubeconfig FILE 启动 VelaDesk，或设置 KUBECONFIG。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach the cluster: %1
Pick another context, or press F5 to retry.</source>
        <translation>无法访问集群：%1
请选择其他上下文，或按 F5 重试。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Kubernetes %1</source>
        <translation>Kubernetes 版本 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>VelaDesk — %1 / %2[*]</source>
        <translation>VelaDesk — %1 / %2[*]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pods (listing…)</source>
        <translation>Pod（正在列出…）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods (watch reconnecting: %1)</source>
        <translation>Pod（监视正在重新连接：%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods (watch failed, not live: %1)</source>
        <translation>Pod（监视失败，非实时：%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loaded %1 applications, %2 revisions</source>
        <translation>已加载 %1 个应用，%2 个修订版本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The AppDeployment CRD is not installed: run `veladesk setup`.</source>
        <translation>未安装 AppDeployment CRD：请运行 `veladesk setup`。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The AppDeployment changed on the server; Revert loads it.</source>
        <translation>服务器上的 AppDeployment 已更改；“撤销编辑”会加载它。</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>unreachable: %1</source>
        <translation>无法访问：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listing</source>
        <translation>正在列出</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>application %1 is gone</source>
        <translation>应用 %1 已不存在</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Unapplied changes</source>
        <translation>未应用的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard unapplied changes to %1?</source>
        <translation>丢弃对 %1 的未应用更改吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The edits in the rollout editor were not applied.</source>
        <translation>发布编辑器中的编辑尚未应用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>discarded unapplied edits of %1</source>
        <translation>已丢弃 %1 的未应用编辑</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Apply is disabled: %1</source>
        <translation>应用不可用：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply the plan to the cluster (Ctrl+Return)</source>
        <translation>将计划应用到集群（Ctrl+Return）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan has problems: %1</source>
        <translation>计划存在问题：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No completed plan is recorded for this AppDeployment</source>
        <translation>此 AppDeployment 没有已完成计划的记录</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1: an apply was interrupted. Re-apply or Revert from the editor.</source>
        <translation>%1：一次应用操作被中断。请在编辑器中重新应用或回退。</translation>
    </message>
</context>
<context>
    <name>veladesk::NamespaceStore</name>
    <message>
        <location filename="../../models/namespacestore.cpp" line="+389"/>
        <source>the pods for the object tree could not be listed: %1</source>
        <translation>无法列出对象树所需的 Pod：%1</translation>
    </message>
</context>
<context>
    <name>veladesk::ObjectDetails</name>
    <message>
        <location filename="../../models/objectdetails.cpp" line="+120"/>
        <source>%1 objects cannot be read here</source>
        <translation>无法在此读取 %1 对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 %2 does not exist (any more)</source>
        <translation>%1 %2 不存在（或已被删除）</translation>
    </message>
</context>
<context>
    <name>veladesk::ObjectDetailsPane</name>
    <message>
        <location filename="../../ui/objectdetailspane.cpp" line="+44"/>
        <source>%1: Enter or double-click shows that object</source>
        <translation>%1：按回车或双击显示该对象</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owns</source>
        <translation>拥有</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pod&apos;s containers: image, readiness, restarts, state</source>
        <translation>Pod 的容器：镜像、就绪情况、重启次数、状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last termination</source>
        <translation>上次终止</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show &amp;managedFields</source>
        <translation>显示 managedFields(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show managedFields</source>
        <translation>显示 managedFields</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show metadata.managedFields in the YAML (hidden by default, as kubectl get -o yaml)</source>
        <translation>在 YAML 中显示 metadata.managedFields（默认隐藏，同 kubectl get -o yaml）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cop&amp;y YAML</source>
        <translation>复制 YAML(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy YAML</source>
        <translation>复制 YAML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the object&apos;s YAML to the clipboard</source>
        <translation>将对象的 YAML 复制到剪贴板</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;YAML</source>
        <translation>YAML(&amp;Y)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select an object in the tree</source>
        <translation>在树中选择一个对象</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>  (referenced here)</source>
        <translation>  （在此被引用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  in namespace %1</source>
        <translation>  位于命名空间 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Health: not checked</source>
        <translation>健康状态：未检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health: %1%2</source>
        <translation>健康状态：%1%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Created %1 (%2 ago)</source>
        <translation>创建于 %1（%2 前）</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+60"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>%1, exit code %2%3</source>
        <translation>%1，退出码 %2%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, %1 ago</source>
        <translation>，%1 前</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (init)</source>
        <translation>（init）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading %1 %2…</source>
        <translation>正在读取 %1 %2…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As the server has it (resourceVersion %1)</source>
        <translation>服务器上的内容（resourceVersion %1）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>  (controller)</source>
        <translation>  （控制器）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot list events: %1</source>
        <translation>无法列出事件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No events for %1 %2 (the API server keeps them for an hour).</source>
        <translation>%1 %2 没有事件（API 服务器只保留一小时内的事件）。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>veladesk::ObjectTreeModel</name>
    <message>
        <location filename="../../models/objecttreemodel.cpp" line="+162"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>存在时长</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (%1 below)</source>
        <translation>（下层有 %1 个）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (namespace %1)</source>
        <translation>（命名空间 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — a reference; the object is shown in its own place in the tree</source>
        <translation> — 引用；该对象显示在树中它自己的位置</translation>
    </message>
</context>
<context>
    <name>veladesk::ObjectTreePane</name>
    <message>
        <location filename="../../ui/objecttreepane.cpp" line="+81"/>
        <source>Search objects</source>
        <translation>搜索对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the objects whose kind or name contains this text (Ctrl+F, /)</source>
        <translation>显示类型或名称包含此文本的对象（Ctrl+F、/）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search kind/name (Ctrl+F, /)</source>
        <translation>搜索类型/名称（Ctrl+F、/）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only objects of this kind</source>
        <translation>只显示此类型的对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unhealthy only</source>
        <translation>仅显示不健康的(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unhealthy only</source>
        <translation>仅显示不健康的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only objects that are not healthy (and their owners)</source>
        <translation>只显示不健康的对象（及其所有者）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Object tree</source>
        <translation>对象树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application&apos;s objects, each under its owner</source>
        <translation>应用的对象，每个都位于其所有者之下</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>No application selected</source>
        <translation>未选择应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 objects, all healthy or progressing</source>
        <translation>%1 个对象，全部健康或正在推进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 objects, %2 unhealthy</source>
        <translation>%1 个对象，%2 个不健康</translation>
    </message>
</context>
<context>
    <name>veladesk::PlacementsDialog</name>
    <message>
        <location filename="../../ui/placementsdialog.cpp" line="+49"/>
        <source>Placement per cluster</source>
        <translation>按集群放置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replicas of each revision per cluster. An empty cluster is the home cluster, the current context (%1), where the AppDeployment lives. The route goes to every cluster that runs a revision with weight &gt; 0; Apply grows and readies every cluster before routing changes anywhere.</source>
        <translation>每个修订版本在各集群中的副本数。集群为空表示主集群，即当前上下文（%1），AppDeployment 所在之处。路由会应用到每个运行权重 &gt; 0 的修订版本的集群；应用时先在每个集群中扩容并等待就绪，然后才在任何地方更改路由。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placements</source>
        <translation>放置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>clusterSelector.name; empty: the home cluster (%1)</source>
        <translation>clusterSelector.name；为空：主集群（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add placement</source>
        <translation>添加放置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove placement</source>
        <translation>删除放置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cluster contexts (settings)</source>
        <translation>集群上下文（设置）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster name</source>
        <translation>集群名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kubeconfig context</source>
        <translation>Kubeconfig 上下文</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add mapping</source>
        <translation>添加映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove mapping</source>
        <translation>删除映射</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Contexts in the kubeconfig: %1</source>
        <translation>kubeconfig 中的上下文：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>clusterSelector.name; empty: the home cluster</source>
        <translation>clusterSelector.name；为空：主集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>home cluster</source>
        <translation>主集群</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cluster contexts: %1</source>
        <translation>集群上下文：%1</translation>
    </message>
</context>
<context>
    <name>veladesk::PodLogsPane</name>
    <message>
        <location filename="../../ui/podlogspane.cpp" line="+44"/>
        <location line="+206"/>
        <source>Select a pod in the Pods pane or a revision</source>
        <translation>在 Pod 面板中选择一个 Pod 或一个修订版本</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The container whose log is shown (kubectl logs -c)</source>
        <translation>显示其日志的容器（kubectl logs -c）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Previous</source>
        <translation>上一个实例(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous instance</source>
        <translation>上一个实例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The log of the previous (terminated) instance of the container, as kubectl logs --previous</source>
        <translation>容器上一个（已终止）实例的日志，同 kubectl logs --previous</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Cont&amp;ainer:</source>
        <translation>容器(&amp;A)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Follow up&amp;dates</source>
        <translation>跟随更新(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the stream open and show new lines as they come (kubectl logs -f); the view stays at the end unless you scroll up</source>
        <translation>保持日志流打开并实时显示新行（kubectl logs -f）；除非向上滚动，视图保持在末尾</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight the lines that contain this text</source>
        <translation>高亮包含此文本的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Matching only</source>
        <translation>仅显示匹配行(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching lines only</source>
        <translation>仅显示匹配行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the lines that contain the search text</source>
        <translation>只显示包含搜索文本的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cop&amp;y</source>
        <translation>复制(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy log lines</source>
        <translation>复制日志行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected lines (all shown lines when none is selected)</source>
        <translation>复制所选行（未选择时复制所有显示的行）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pod log</source>
        <translation>Pod 日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The log lines, prefixed with their pod when several pods are followed</source>
        <translation>日志行；跟随多个 Pod 时每行前加上其 Pod</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>%1 (1 pod)</source>
        <translation>%1（1 个 Pod）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 pods)</source>
        <translation>%1（%2 个 Pod）</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding the pods of %1…</source>
        <translation>正在查找 %1 的 Pod…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the logs of %1: %2</source>
        <translation>无法读取 %1 的日志：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>connection lost, resuming (resumed %1 times so far): %2</source>
        <translation>连接中断，正在恢复（已恢复 %1 次）：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 connecting</source>
        <translation>%1 正在连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Following</source>
        <translation>跟随中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading</source>
        <translation>读取中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 following</source>
        <translation>%1 跟随中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 reading</source>
        <translation>%1 读取中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End of log</source>
        <translation>日志结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 at the end of their log</source>
        <translation>%1 已到达日志末尾</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>1 line</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 matching</source>
        <translation>，%1 行匹配</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 lines dropped (the pane keeps the newest %2)</source>
        <translation>已丢弃 %1 行（面板只保留最新的 %2 行）</translation>
    </message>
</context>
<context>
    <name>veladesk::PodsModel</name>
    <message>
        <location filename="../../models/podsmodel.cpp" line="+273"/>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>存在时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1: %2, %3/%4 containers ready, %5 restarts</source>
        <translation>%1：%2，%3/%4 个容器就绪，重启 %5 次</translation>
    </message>
</context>
<context>
    <name>veladesk::PreviewPane</name>
    <message>
        <location filename="../../ui/previewpane.cpp" line="+22"/>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+34"/>
        <source>Press Preview (Ctrl+P) to see what Apply would change.</source>
        <translation>按“预览”（Ctrl+P）查看应用将会更改的内容。</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Objects to change</source>
        <translation>要更改的对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each object the plan creates, updates or deletes; select one to see its YAML or diff</source>
        <translation>计划将创建、更新或删除的每个对象；选择一个查看其 YAML 或差异</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>All objects (YAML to apply, %1)</source>
        <translation>所有对象（待应用的 YAML，%1）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The plan changed since this preview: press Preview (Ctrl+P) again. </source>
        <translation>此预览之后计划已更改：请再次按“预览”（Ctrl+P）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Server-side dry-run: nothing would change (%1 objects).</source>
        <translation>服务端试运行（dry-run）：不会有任何更改（%1 个对象）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server-side dry-run: %1 of %2 objects would change. Select one to see its diff against the live object.</source>
        <translation>服务端试运行（dry-run）：%2 个对象中有 %1 个会更改。选择一个对象查看它与线上对象的差异。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source># %1: live object equals the plan
</source>
        <translation># %1：线上对象与计划一致
</translation>
    </message>
</context>
<context>
    <name>veladesk::RemoteClusters</name>
    <message>
        <location filename="../../models/clusterpods.cpp" line="+200"/>
        <source>cluster %1 (context %2)</source>
        <translation>集群 %1（上下文 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: unreachable, its pods are not shown: %2</source>
        <translation>%1：无法访问，不显示其 Pod：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: pods watch reconnecting, not live: %2</source>
        <translation>%1：Pod 监视正在重新连接，非实时：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: pods watch failed, not live: %2</source>
        <translation>%1：Pod 监视失败，非实时：%2</translation>
    </message>
</context>
<context>
    <name>veladesk::RevisionsModel</name>
    <message>
        <location filename="../../models/revisionsmodel.cpp" line="+39"/>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>存在时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>ready / desired replicas over the revision&apos;s Deployments</source>
        <translation>该修订版本所有 Deployment 的就绪 / 期望副本数</translation>
    </message>
</context>
<context>
    <name>veladesk::RolloutController</name>
    <message>
        <location filename="../../models/rolloutcontroller.cpp" line="+78"/>
        <source>the AppDeployment CRD is not installed: run `veladesk setup`</source>
        <translation>未安装 AppDeployment CRD：请运行 `veladesk setup`</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Apply in progress by %1 since %2 (Lease %3, expires %4 unless renewed). Apply is disabled for %5 until that apply ends or its Lease expires.</source>
        <translation>%1 自 %2 起正在应用（Lease %3，若不续约将于 %4 过期）。在该应用操作结束或其 Lease 过期前，%5 的应用操作不可用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An apply of %1 stopped half way: its phase is %2 and %3. Routing only points at ready revisions, but replicas and objects may be between two plans. Re-apply finishes the plan the AppDeployment holds; %4</source>
        <translation>%1 的一次应用操作中途停止：其阶段为 %2，且%3。路由只指向就绪的修订版本，但副本和对象可能处于两个计划之间。“重新应用”会完成 AppDeployment 保存的计划；%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the Lease of %1 expired at %2</source>
        <translation>%1 的 Lease 已于 %2 过期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no apply holds its Lease</source>
        <translation>没有应用操作持有其 Lease</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revert goes back to the last plan applied to completion.</source>
        <translation>“回退”会回到上一次完整应用的计划。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no completed plan is recorded to revert to.</source>
        <translation>没有可回退到的已完成计划记录。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the other apply of %1 ended: Apply is possible again</source>
        <translation>%1 的另一个应用操作已结束：可以再次应用</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>not connected: the server&apos;s dry-run needs a cluster</source>
        <translation>未连接：服务端试运行（dry-run）需要集群</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asking the server for a dry-run of %1 objects…</source>
        <translation>正在请求服务器对 %1 个对象进行试运行（dry-run）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>preview of %1: server-side dry-run of %2 objects</source>
        <translation>%1 的预览：对 %2 个对象进行服务端试运行（dry-run）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>dry-run failed: %1</source>
        <translation>试运行（dry-run）失败：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>dry-run: %1 of %2 objects would change</source>
        <translation>试运行（dry-run）：%2 个对象中有 %1 个会更改</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an apply is already running</source>
        <translation>已有应用操作正在进行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no application selected</source>
        <translation>未选择应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not connected to a cluster</source>
        <translation>未连接到集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: nothing was changed; Apply is possible again when that apply ends or its Lease expires</source>
        <translation>%1：未做任何更改；在该应用操作结束或其 Lease 过期后可以再次应用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the plan has problems: %1</source>
        <translation>计划存在问题：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>restore revision %1</source>
        <translation>恢复修订版本 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>apply forced: traffic is routed without waiting for ready pods</source>
        <translation>强制应用：不等待 Pod 就绪即路由流量</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Applying %1 to %2/%3…</source>
        <translation>正在将 %1 应用到 %2/%3…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>apply %1: %2 revisions</source>
        <translation>应用 %1：%2 个修订版本</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (context %2)</source>
        <translation>%1（上下文 %2）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Applying %1 to %2 clusters: %3…</source>
        <translation>正在将 %1 应用到 %2 个集群：%3…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>apply %1 in clusters %2</source>
        <translation>在集群 %2 中应用 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>refused: apply in progress by %1</source>
        <translation>已拒绝：%1 正在应用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>applied %1</source>
        <translation>已应用 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cancelling the apply</source>
        <translation>正在取消应用</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>reverted unapplied edits of %1</source>
        <translation>已撤销 %1 的未应用编辑</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>an apply is running</source>
        <translation>有应用操作正在进行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no application is selected</source>
        <translation>未选择应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is a plan of AppDeployment %1, and the editor holds %2</source>
        <translation>它是 AppDeployment %1 的计划，而编辑器中是 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>history revision %1 not loaded into the editor: %2</source>
        <translation>历史修订版本 %1 未载入编辑器：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>loaded history revision %1 of %2 into the editor: preview, then apply</source>
        <translation>已将 %2 的历史修订版本 %1 载入编辑器：请先预览，再应用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>re-apply of %1: the plan its AppDeployment holds; preview, then Apply</source>
        <translation>重新应用 %1：使用其 AppDeployment 保存的计划；请先预览，再应用</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>revert of %1 to the last completed plan: preview, then Apply</source>
        <translation>将 %1 回退到上一次完成的计划：请先预览，再应用</translation>
    </message>
</context>
<context>
    <name>veladesk::RolloutEditor</name>
    <message>
        <location filename="../../ui/rollouteditor.cpp" line="+76"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the new AppDeployment (and of its VirtualService)</source>
        <translation>新 AppDeployment（及其 VirtualService）的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AppDeployment name</source>
        <translation>AppDeployment 名称</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>e.g. example-app.example.com (empty: no traffic routing)</source>
        <translation>例如 example-app.example.com（留空：不路由流量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host names the route answers for (spec.hosts), separated by commas. Empty: the plan routes no traffic.</source>
        <translation>路由所响应的主机名（spec.hosts），以逗号分隔。留空：计划不路由流量。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. example-app-gateway</source>
        <translation>例如 example-app-gateway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateways</source>
        <translation>网关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateways the route is bound to (spec.gateways), separated by commas</source>
        <translation>路由所绑定的网关（spec.gateways），以逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hosts:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Gateways:</source>
        <translation>网关(&amp;G)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chosen at apply (VirtualService when Istio&apos;s API is served, else HTTPRoute)</source>
        <translation>应用时选择（提供 Istio API 时用 VirtualService，否则用 HTTPRoute）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Istio VirtualService</source>
        <translation>Istio VirtualService</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway API HTTPRoute</source>
        <translation>Gateway API HTTPRoute</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which API routes the traffic: an Istio VirtualService or a Gateway API HTTPRoute (the plan&apos;s annotation veladesk.io/routing, as veladesk apply --routing). &quot;Chosen at apply&quot; removes the annotation: the API the AppDeployment was last applied with, else VirtualService when Istio&apos;s API is served, else HTTPRoute. An unapplied edit: Preview shows the change, Apply switches the routes safely.</source>
        <translation>由哪个 API 路由流量：Istio VirtualService 或 Gateway API HTTPRoute（计划的注解 veladesk.io/routing，同 veladesk apply --routing）。“应用时选择”会移除该注解：使用 AppDeployment 上次应用时的 API，否则在提供 Istio API 时用 VirtualService，否则用 HTTPRoute。这是一项未应用的编辑：“预览”显示变更，“应用”会安全地切换路由。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Routing API</source>
        <translation>路由 API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;outing:</source>
        <translation>路由(&amp;O)：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select an application to edit its rollout.</source>
        <translation>选择一个应用以编辑其发布。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The traffic split of the plan</source>
        <translation>计划的流量分配</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Revision to add</source>
        <translation>要添加的修订版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ApplicationRevisions of the application that are not in the plan</source>
        <translation>该应用中不在计划里的 ApplicationRevision</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Add revision</source>
        <translation>添加修订版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the chosen revision to the plan (weight 0, 1 replica): grow it before routing</source>
        <translation>将所选修订版本加入计划（权重 0，1 个副本）：先扩容再路由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split &amp;evenly</source>
        <translation>平均分配(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split evenly</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock every row and split 100% evenly (Ctrl+E)</source>
        <translation>解锁所有行并平均分配 100%（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Clusters…</source>
        <translation type="vanished">集群(&amp;C)…</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+2"/>
        <source>Route without waiting for ready pods</source>
        <translation>不等待 Pod 就绪即路由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip the readiness guard: traffic may reach a revision before its pods are ready (503s). Off by default.</source>
        <translation>跳过就绪保护：流量可能在 Pod 就绪前到达修订版本（出现 503）。默认关闭。</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traffic &amp;weight</source>
        <translation>流量权重(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;plicas</source>
        <translation type="vanished">副本数(&amp;P)</translation>
    </message>
    <message>
        <source>Traffic weight</source>
        <translation type="vanished">流量权重</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="vanished">副本数</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Clus&amp;ters…</source>
        <translation>集群(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placement per cluster</source>
        <translation>按集群放置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replicas of each revision per cluster, and the kubeconfig context of each cluster (multi-cluster placement)</source>
        <translation>每个修订版本在各集群中的副本数，以及每个集群的 kubeconfig 上下文（多集群放置）</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Repl&amp;icas</source>
        <translation>副本数(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Traffic weight: arrows move it by 1, Page Up/Down by 10; the other unlocked rows follow so the total stays 100%</source>
        <translation>流量权重：方向键每次调整 1，Page Up/Down 每次调整 10；其他未锁定的行随之变化，使总和保持 100%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> %</source>
        <comment>suffix of a percentage</comment>
        <translation> %</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Traffic percentage: type a number and press Enter</source>
        <translation>流量百分比：输入数字后按回车</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock this weight: other sliders will not move it</source>
        <translation>锁定此权重：其他滑块不会改变它</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Port of the revision&apos;s Service that receives the traffic</source>
        <translation>接收流量的修订版本 Service 的端口</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove this revision from the plan</source>
        <translation>从计划中移除此修订版本</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Component that receives this revision&apos;s traffic</source>
        <translation>接收此修订版本流量的组件</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Traffic weight of %1</source>
        <translation>%1 的流量权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic percentage of %1</source>
        <translation>%1 的流量百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the weight of %1</source>
        <translation>锁定 %1 的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replicas of %1</source>
        <translation>%1 的副本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port of %1</source>
        <translation>%1 的端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 from the plan</source>
        <translation>从计划中移除 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State of %1</source>
        <translation>%1 的状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Component of %1</source>
        <translation>%1 的组件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>component %1</source>
        <translation>组件 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replicas of each Deployment of %1 (spec.replicas)</source>
        <translation>%1 的每个 Deployment 的副本数（spec.replicas）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: VelaDesk does not send spec.replicas of %2; the HorizontalPodAutoscaler scales it (the plan keeps %3).</source>
        <translation>%1：VelaDesk 不发送 %2 的 spec.replicas；由 HorizontalPodAutoscaler 伸缩（计划中保留 %3）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: VelaDesk does not send their spec.replicas; the other Deployments of %2 get this value.</source>
        <translation>%1：VelaDesk 不发送它们的 spec.replicas；%2 的其他 Deployment 使用此值。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>✗ invalid</source>
        <translation>✗ 无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plan: %1</source>
        <translation>计划：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ drift</source>
        <translation>⚠ 漂移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not ready %1/%2</source>
        <translation>未就绪 %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HPA</source>
        <translation>HPA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ ok</source>
        <translation>✓ 正常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>drift: %1</source>
        <translation>漂移：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running %1/%2 ready</source>
        <translation>运行中 %1/%2 就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ready per cluster: %1</source>
        <translation>各集群就绪：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No application selected</source>
        <translation>未选择应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — new AppDeployment</source>
        <translation>%1 — 新 AppDeployment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — AppDeployment %2</source>
        <translation>%1 — AppDeployment %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Total: %1%</source>
        <translation>合计：%1%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No traffic routing (no hosts)</source>
        <translation>无流量路由（没有主机）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The live objects differ from the AppDeployment (edited by hand?). Apply re-applies the plan.
</source>
        <translation>线上对象与 AppDeployment 不一致（被手动修改？）。“应用”会重新应用该计划。
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 %2%</source>
        <comment>revision suffix and its weight</comment>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
</context>
<context>
    <name>veladesk::RolloutPlanModel</name>
    <message>
        <location filename="../../models/rolloutplanmodel.cpp" line="+28"/>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>线上</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>not watched</source>
        <translation>未监视</translation>
    </message>
    <message>
        <location line="+412"/>
        <source>no application selected</source>
        <translation>未选择应用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the plan names no revision</source>
        <translation>计划中未指定任何修订版本</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>no live VirtualService</source>
        <translation>没有线上 VirtualService</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>live weight %1% (spec %2%)</source>
        <translation>线上权重 %1%（spec 为 %2%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>live weight %1% (spec routes none)</source>
        <translation>线上权重 %1%（spec 中无路由）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no live Deployment in %1</source>
        <translation>%1 中没有线上 Deployment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>live replicas %1 in %2 (spec %3)</source>
        <translation>%2 中线上副本数 %1（spec 为 %3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no live Deployment</source>
        <translation>没有线上 Deployment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>live replicas %1 (spec %2)</source>
        <translation>线上副本数 %1（spec 为 %2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1/%2 in %3</source>
        <translation>%3 中 %1/%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>?/%1 in %2 (not known: %3)</source>
        <translation>%2 中 ?/%1（未知：%3）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>replicas managed by %1</source>
        <translation>副本数由 %1 管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>replicas of %1 managed by %2</source>
        <translation>%1 的副本数由 %2 管理</translation>
    </message>
</context>
<context>
    <name>veladesk::VerifySplitDialog</name>
    <message>
        <location filename="../../ui/verifysplitdialog.cpp" line="+52"/>
        <source>chosen at apply: the API it was last applied with, else VirtualService when Istio&apos;s API is served, else HTTPRoute</source>
        <translation>应用时选择：使用上次应用时的 API，否则在提供 Istio API 时用 VirtualService，否则用 HTTPRoute</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verify split</source>
        <translation>验证流量分配</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The gateway&apos;s URL (http or https; TLS is always verified)</source>
        <translation>网关的 URL（http 或 https；始终验证 TLS）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requests in flight at a time</source>
        <translation>同时进行中的请求数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in flight:</source>
        <translation>并发数：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gateway &amp;URL:</source>
        <translation>网关 URL(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host header:</source>
        <translation>Host 请求头(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests:</source>
        <translation>请求数：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Probe</source>
        <translation>探测(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%v of %m requests</source>
        <translation>%v / %m 个请求</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+178"/>
        <source>Share of requests per revision</source>
        <translation>各修订版本的请求占比</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+147"/>
        <source>Configured</source>
        <translation>配置值</translation>
    </message>
    <message>
        <location line="-147"/>
        <location line="+149"/>
        <source>Observed</source>
        <translation>观测值</translation>
    </message>
    <message>
        <location line="-149"/>
        <location line="+196"/>
        <source>95 % interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Responses</source>
        <translation>响应数</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>AppDeployment %1/%2; routing: %3; hosts: %4</source>
        <translation>AppDeployment %1/%2；路由：%3；主机：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the URL&apos;s host</source>
        <translation>URL 中的主机</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Nothing to compare with: %1</source>
        <translation>没有可比较的内容：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Probing %1 with Host %2...</source>
        <translation>正在以 Host %2 探测 %1...</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 of %2 requests answered, %3 attributed...</source>
        <translation>%2 个请求中已响应 %1 个，已归属 %3 个...</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Share of requests per revision (red: the configured share lies outside the 95 % interval)</source>
        <translation>各修订版本的请求占比（红色：配置的占比落在 95% 区间之外）</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the configured share lies outside the 95 % interval</source>
        <translation>配置的占比落在 95% 区间之外</translation>
    </message>
</context>
</TS>
