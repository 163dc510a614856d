# Throughput and p99 per scenario and configuration, from compare.sh's pivoted data
# files. Call with -e "rps='...'; p99='...'; png='...'".
set terminal pngcairo size 1200,520 font "Sans,10"
set output png
set multiplot layout 1,2 title "Storefront: db-lock vs redis-lock vs no Redis in the hot paths (one run, one machine)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set key top right autotitle columnheader
set grid ytics
set yrange [0:*]
set title "Throughput (requests/s, higher is better)"
plot for [c=2:4] rps using c:xtic(1)
set title "p99 latency (ms, lower is better)"
plot for [c=2:4] p99 using c:xtic(1)
unset multiplot
